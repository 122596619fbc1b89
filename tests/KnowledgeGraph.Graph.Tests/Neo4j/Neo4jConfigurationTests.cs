using KnowledgeGraph.Graph.Neo4j;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Graph.Tests.Neo4j;

public sealed class Neo4jConfigurationTests
{
    [Fact]
    public async Task Options_are_bound_from_the_Neo4j_section_and_the_store_is_the_graph_store()
    {
        await using var provider = Services(new()
        {
            ["Neo4j:Uri"] = "http://graph.test:7474",
            ["Neo4j:User"] = "reader",
            ["Neo4j:Password"] = "secret",
            ["Neo4j:Database"] = "news",
        });

        var options = provider.GetRequiredService<IOptions<Neo4jGraphStoreOptions>>().Value;

        Assert.Equal(new Uri("http://graph.test:7474"), options.Uri);
        Assert.Equal("reader", options.User);
        Assert.Equal("secret", options.Password);
        Assert.Equal("news", options.Database);
        Assert.IsType<Neo4jGraphStore>(provider.GetRequiredService<IGraphStore>());
    }

    [Fact]
    public void A_missing_uri_is_refused_with_a_message_naming_the_setting()
    {
        using var provider = Services(new() { ["Neo4j:User"] = "reader" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Neo4jGraphStoreOptions>>().Value);

        Assert.Contains("Neo4j:Uri", error.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddNeo4jGraphStore(configuration).BuildServiceProvider();
    }
}
