using System.Buffers;
using System.Text.Json;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// GraphQL.NET's System.Text.Json serialiser (its converters for requests, inputs and results), able to read a
/// request straight from the UTF-8 bytes of a body (no string of the whole body is made) and to write a result into
/// a buffer synchronously, with the same output as its stream writer.
/// </summary>
public sealed class GraphQLBodySerializer(IErrorInfoProvider errorInfoProvider) : GraphQLSerializer(errorInfoProvider)
{
    public T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, SerializerOptions);

    public void Serialize<T>(IBufferWriter<byte> utf8Json, T value)
    {
        // The writer takes its formatting from its own options, the serialiser everything else from SerializerOptions.
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions
        {
            Encoder = SerializerOptions.Encoder,
            Indented = SerializerOptions.WriteIndented,
            IndentCharacter = SerializerOptions.IndentCharacter,
            IndentSize = SerializerOptions.IndentSize,
            NewLine = SerializerOptions.NewLine,
            MaxDepth = SerializerOptions.MaxDepth,
        });
        JsonSerializer.Serialize(writer, value, SerializerOptions);
    }
}
