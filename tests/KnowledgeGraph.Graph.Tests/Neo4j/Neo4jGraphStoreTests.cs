using KnowledgeGraph.Graph.Tests.Contract;

namespace KnowledgeGraph.Graph.Tests.Neo4j;

/// <summary>The contract suite against the real Neo4j 3.1 test server.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jGraphStoreTests : GraphStoreContractTests
{
    private static readonly HttpClient Http = new();

    protected override async Task<IGraphStore> CreateEmptyStoreAsync() => await Neo4jTestServer.FreshStoreAsync(Http);
}
