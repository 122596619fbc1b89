using System.Text.Json;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// GraphQL.NET's System.Text.Json serialiser (its converters for requests, inputs and results), able to read a
/// request straight from the UTF-8 bytes of a body: no string of the whole body is made.
/// </summary>
public sealed class GraphQLBodySerializer(IErrorInfoProvider errorInfoProvider) : GraphQLSerializer(errorInfoProvider)
{
    public T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, SerializerOptions);
}
