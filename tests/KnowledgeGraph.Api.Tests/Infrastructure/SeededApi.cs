namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>One service over the AI-industry test graph, shared by the tests of a class that only read.</summary>
public abstract class SeededApi(TestStore store) : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new(store);

    public GraphQLClient Client() => Factory.Client();

    public async Task InitializeAsync() => await Factory.SeedAsync(AiIndustryGraph.All());

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class SqliteSeededApi() : SeededApi(TestStore.Sqlite);

public sealed class Neo4jSeededApi() : SeededApi(TestStore.Neo4j);
