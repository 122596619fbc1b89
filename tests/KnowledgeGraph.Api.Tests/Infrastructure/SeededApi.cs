namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>One service over the AI-industry test graph, shared by tests that only read.</summary>
public sealed class SeededApi : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();

    public GraphQLClient Client() => Factory.Client();

    public async Task InitializeAsync() => await Factory.SeedAsync(AiIndustryGraph.All());

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
