using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>KG:Sqlite settings beyond the path reach the store the service opens.</summary>
public sealed class SqliteSettingsTests
{
    [Fact]
    public async Task A_writer_cache_size_out_of_range_stops_the_service_naming_the_setting()
    {
        await using var factory = new ApiFactory().With("KG:Sqlite:WriterCacheMegabytes", "0");

        var error = Record.Exception(() => factory.Client());

        Assert.NotNull(error);
        Assert.Contains("WriterCacheMegabytes", error.ToString());
    }

    [Fact]
    public async Task A_writer_cache_size_in_range_serves_as_usual()
    {
        await using var factory = new ApiFactory().With("KG:Sqlite:WriterCacheMegabytes", "8");

        (await factory.Client().QueryAsync("{ stats { articles } }")).Ok();
    }
}
