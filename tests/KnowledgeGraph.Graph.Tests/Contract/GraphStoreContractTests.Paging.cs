using System.Text;

namespace KnowledgeGraph.Graph.Tests.Contract;

public abstract partial class GraphStoreContractTests
{
    /// <summary>One article per index: a startup with an investor, a product and a deal, so every list grows by one.</summary>
    private static TestArticle Startup(int i, string prefix = "s") =>
        TestArticle.AtUrl($"https://news.test/{prefix}/{i}", "v1", new DateTime(2020, 1, 1).AddDays(i))
            .Org($"org:{prefix}-startup-{i}", $"Startup {prefix} {i}", $"初创{prefix}{i}")
            .Product($"prod:{prefix}-product-{i}", $"Product {prefix} {i}")
            .WithMicrosoft()
            .Investment(Ids.Microsoft, $"org:{prefix}-startup-{i}", 1_000_000m * (i + 1), $"2020-{1 + i % 12:00}")
            .Relation("DEVELOPS", $"org:{prefix}-startup-{i}", $"prod:{prefix}-product-{i}");

    [Fact]
    public async Task Every_list_pages_to_the_end_without_gaps_or_repeats()
    {
        await Store.IngestAsync(Enumerable.Range(0, 23).Select(i => Startup(i).Build()).ToList());

        var relations = await ReadAll(p => Store.FindRelationsAsync(new RelationFilter(), p), pageSize: 4);
        Assert.Equal(46, relations.Count);
        Assert.Equal(46, relations.Select(r => r.Id).Distinct().Count());

        var deals = await ReadAll(p => Store.FindDealsAsync(new DealFilter(), p), pageSize: 5);
        Assert.Equal(23, deals.Select(d => d.Id).Distinct().Count());
        Assert.Equal(23, deals.Count);

        var articles = await ReadAll(p => Store.FindArticlesAsync(new ArticleFilter(), p), pageSize: 3);
        Assert.Equal(23, articles.Select(a => a.Id).Distinct().Count());
        Assert.Equal(23, articles.Count);

        var entities = await ReadAll(p => Store.SearchEntitiesAsync(new EntitySearch(), p), pageSize: 6);
        Assert.Equal(47, entities.Select(e => e.Id).Distinct().Count());
        Assert.Equal(47, entities.Count);

        var startups = await ReadAll(p => Store.SearchEntitiesAsync(new EntitySearch("初创"), p), pageSize: 2);
        Assert.Equal(23, startups.Select(e => e.Id).Distinct().Count());
        Assert.Equal(23, startups.Count);
    }

    [Fact]
    public async Task A_page_reports_the_total_and_whether_more_follow()
    {
        await Store.IngestAsync(Enumerable.Range(0, 5).Select(i => Startup(i).Build()).ToList());

        var first = await Store.FindRelationsAsync(new RelationFilter(Types: ["DEVELOPS"]), new PageRequest(3));
        Assert.Equal(5, first.TotalCount);
        Assert.True(first.HasNextPage);
        Assert.Equal(3, first.Items.Count);
        var second = await Store.FindRelationsAsync(new RelationFilter(Types: ["DEVELOPS"]), new PageRequest(3, first.EndCursor));
        Assert.False(second.HasNextPage);
        Assert.Equal(2, second.Items.Count);
        Assert.Equal(second.Items[^1].Cursor, second.EndCursor);

        var empty = await Store.FindRelationsAsync(new RelationFilter(Types: ["LEFT"]), new PageRequest(3));
        Assert.Empty(empty.Items);
        Assert.False(empty.HasNextPage);
        Assert.Equal(0, empty.TotalCount);
        Assert.Null(empty.EndCursor);
    }

    [Fact]
    public async Task Paging_while_another_task_ingests_sees_every_existing_item_exactly_once()
    {
        await Store.IngestAsync(Enumerable.Range(0, 40).Select(i => Startup(i).Build()).ToList());
        var existing = (await Relations()).Select(r => r.Id).ToHashSet();

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
                await Store.IngestAsync([Startup(i, "late").Build()]);
        });
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await Store.FindRelationsAsync(new RelationFilter(), new PageRequest(3, after));
            seen.AddRange(page.Items.Select(i => i.Node.Id));
            after = page.HasNextPage ? page.EndCursor : null;
            await Task.Yield();
        } while (after is not null);
        await writer;

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(existing.Except(seen));
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("Zm9vYmFy")]
    [InlineData("%%%")]
    public async Task A_malformed_cursor_is_refused_with_BAD_CURSOR(string cursor)
    {
        await Ingest(MicrosoftInvestsInInflection());
        var page = new PageRequest(10, cursor);

        var errors = new[]
        {
            await Assert.ThrowsAsync<GraphQueryException>(() => Store.FindRelationsAsync(new RelationFilter(), page)),
            await Assert.ThrowsAsync<GraphQueryException>(() => Store.FindDealsAsync(new DealFilter(), page)),
            await Assert.ThrowsAsync<GraphQueryException>(() => Store.FindArticlesAsync(new ArticleFilter(), page)),
            await Assert.ThrowsAsync<GraphQueryException>(() => Store.SearchEntitiesAsync(new EntitySearch("微软"), page)),
        };

        Assert.All(errors, e => Assert.Equal("BAD_CURSOR", e.Code));
        Assert.All(errors, e => Assert.Contains("cursor", e.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_cursor_of_another_list_is_refused()
    {
        await Store.IngestAsync(Enumerable.Range(0, 3).Select(i => Startup(i).Build()).ToList());
        var articleCursor = (await Store.FindArticlesAsync(new ArticleFilter(), new PageRequest(1))).EndCursor;
        var fabricated = Convert.ToBase64String(Encoding.UTF8.GetBytes("[\"x\",1,2,3,4]")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var error = await Assert.ThrowsAsync<GraphQueryException>(() =>
            Store.SearchEntitiesAsync(new EntitySearch("startup"), new PageRequest(5, articleCursor)));
        var fabricatedError = await Assert.ThrowsAsync<GraphQueryException>(() =>
            Store.FindDealsAsync(new DealFilter(), new PageRequest(5, fabricated)));

        Assert.Equal("BAD_CURSOR", error.Code);
        Assert.Equal("BAD_CURSOR", fabricatedError.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(PageRequest.MaxPageSize + 1)]
    public async Task Page_sizes_outside_the_allowed_range_are_refused(int first)
    {
        await Assert.ThrowsAsync<GraphQueryException>(() => Store.FindRelationsAsync(new RelationFilter(), new PageRequest(first)));
    }
}
