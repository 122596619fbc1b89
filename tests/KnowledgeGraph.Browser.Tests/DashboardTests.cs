using System.Xml.Linq;
using KnowledgeGraph.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgeGraph.Browser.Tests;

/// <summary>
/// The dashboard served at / by the real service with the sample articles, driven in Debian's Chromium the way an
/// analyst uses it: search, click, filter, switch to deals, export.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture fixture)
{
    private const string Microsoft = "org:microsoft";
    private const string InflectionAi = "org:inflection-ai";

    [Fact]
    public async Task Searching_微软_draws_Microsofts_network_with_Inflection_AI_in_it()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;

        await page.FillAsync("#search", "微软");
        var suggestion = page.Locator($"#suggestions [role=option][data-id='{Microsoft}']");
        await Assertions.Expect(suggestion).ToContainTextAsync("微软");
        await suggestion.ClickAsync();
        await dashboard.WaitForGraphAsync("#network");

        await Assertions.Expect(page.Locator($"#in-view button[data-id='{InflectionAi}']")).ToBeVisibleAsync();
        await dashboard.NodePositionAsync("network", InflectionAi);
        var (nodes, edges) = await dashboard.ShownCountsAsync();
        Assert.True(nodes >= 5 && edges >= 5, $"Microsoft's two-hop network is too small: {nodes} nodes, {edges} edges");

        await dashboard.ScreenshotAsync("network-microsoft");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Clicking_Inflection_AI_on_the_canvas_shows_an_evidence_sentence_that_mentions_it()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;
        await dashboard.OpenNetworkAsync("微软", Microsoft);

        var (x, y) = await dashboard.NodePositionAsync("network", InflectionAi);
        await page.Mouse.ClickAsync(x, y);

        var panel = page.Locator("#panel");
        await Assertions.Expect(panel.Locator("h2")).ToHaveTextAsync("Inflection AI");
        var evidence = panel.Locator("blockquote").Filter(new LocatorFilterOptions { HasText = "Inflection AI" });
        await Assertions.Expect(evidence.First).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("cite").First).ToContainTextAsync("2024-03-20");

        await dashboard.ScreenshotAsync("panel-inflection-ai");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Clicking_an_edge_shows_its_evidence()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;
        await dashboard.OpenNetworkAsync("微软", Microsoft);

        var point = await page.EvaluateAsync<float[]>(
            """
            ([source, target]) => {
              const cy = window.kg.network;
              const edge = cy.edges().filter(e => e.source().id() === source && e.target().id() === target && e.data('relationType') === 'INVESTED_IN');
              // Another edge may cross this one's midpoint in a given layout; the click is meant for this edge.
              edge.style('z-index', 1000);
              const p = edge.midpoint();
              const box = cy.container().getBoundingClientRect();
              const pan = cy.pan(), zoom = cy.zoom();
              return [box.left + p.x * zoom + pan.x, box.top + p.y * zoom + pan.y];
            }
            """, new[] { Microsoft, InflectionAi });
        await page.Mouse.ClickAsync(point[0], point[1]);

        var panel = page.Locator("#panel");
        await Assertions.Expect(panel.Locator("h2")).ToContainTextAsync("投资");
        await Assertions.Expect(panel.Locator("blockquote").First).ToContainTextAsync("13亿美元");

        await dashboard.ScreenshotAsync("edge-evidence");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Moving_the_start_of_the_year_range_hides_the_earlier_edges_without_a_reload()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;
        await dashboard.OpenNetworkAsync("微软", Microsoft);
        var before = await dashboard.ShownCountsAsync();
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");

        await page.Locator("#year-from").FillAsync("2024");

        await Assertions.Expect(page.Locator("#year-from-value")).ToHaveTextAsync("2024");
        var after = await dashboard.ShownCountsAsync();
        Assert.True(after.Edges < before.Edges, $"Edges shown before the filter: {before.Edges}; after: {after.Edges}");
        var earliest = await page.EvaluateAsync<string[]>(
            "() => window.kg.network.edges().not('.filtered').map(e => e.data('lastDate') ?? '')");
        Assert.All(earliest, last => Assert.True(string.CompareOrdinal(last, "2024") >= 0, $"An edge last dated {last} is still shown"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "The page was reloaded");

        await dashboard.ScreenshotAsync("date-filter-2024");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Unticking_a_kind_and_raising_the_minimum_confidence_hide_those_edges()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;
        await dashboard.OpenNetworkAsync("微软", Microsoft);
        const string shownTypes = "() => window.kg.network.edges().not('.filtered').map(e => e.data('relationType'))";
        Assert.Contains("INVESTED_IN", await page.EvaluateAsync<string[]>(shownTypes));

        await page.Locator("#filters input[data-kind=INVESTED_IN]").UncheckAsync();
        Assert.DoesNotContain("INVESTED_IN", await page.EvaluateAsync<string[]>(shownTypes));
        var withoutInvestments = await dashboard.ShownCountsAsync();

        await page.Locator("#min-confidence").FillAsync("0.9");
        await Assertions.Expect(page.Locator("#min-confidence-value")).ToHaveTextAsync("0.90");
        var confident = await dashboard.ShownCountsAsync();
        Assert.True(confident.Edges < withoutInvestments.Edges, $"Edges before raising the confidence: {withoutInvestments.Edges}; after: {confident.Edges}");
        var confidences = await page.EvaluateAsync<double[]>("() => window.kg.network.edges().not('.filtered').map(e => e.data('confidence'))");
        Assert.All(confidences, c => Assert.True(c >= 0.9, $"An edge of confidence {c} is still shown"));

        await dashboard.ScreenshotAsync("kind-and-confidence-filters");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Typing_English_suggests_entities_by_their_English_names()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;

        await page.FillAsync("#search", "infl");
        await Assertions.Expect(page.Locator($"#suggestions [role=option][data-id='{InflectionAi}']")).ToContainTextAsync("Inflection AI");
        await page.PressAsync("#search", "ArrowDown");
        await Assertions.Expect(page.Locator("#suggestions [role=option]").First).ToHaveAttributeAsync("aria-selected", "true");

        await dashboard.ScreenshotAsync("english-suggestions");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_deals_view_lists_the_Microsoft_Inflection_AI_deal_with_its_amount()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;

        await page.ClickAsync("#tab-deals");
        await dashboard.WaitForGraphAsync("#deals-graph");

        var microsoftAndInflection = page.Locator("#deals-table tbody tr").Filter(new LocatorFilterOptions { HasText = "Inflection AI" })
            .Filter(new LocatorFilterOptions { HasText = "微软" });
        await Assertions.Expect(microsoftAndInflection.First).ToBeVisibleAsync();
        var row = microsoftAndInflection.Filter(new LocatorFilterOptions { Has = page.Locator("td:nth-child(2)", new PageLocatorOptions { HasText = "投资" }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td.amount")).ToHaveTextAsync("13亿 USD");
        await Assertions.Expect(row).ToContainTextAsync("2023");

        // Sorted by amount, largest first: the biggest deal in the samples (Amazon's 4 billion in Anthropic) heads the table.
        await page.ClickAsync("#deals-table button[data-sort=amount]");
        await Assertions.Expect(page.Locator("#deals-table thead th").Nth(3)).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(page.Locator("#deals-table tbody tr").First).ToContainTextAsync("40亿 USD");

        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#panel blockquote")).ToContainTextAsync("Inflection AI");

        await dashboard.ScreenshotAsync("deals");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Exported_GraphML_parses_and_holds_the_nodes_and_edges_on_screen()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;
        await dashboard.OpenNetworkAsync("微软", Microsoft);
        var shown = await dashboard.ShownCountsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-graphml"));
        var file = Path.Combine(DashboardPage.ScreenshotFolder, download.SuggestedFilename);
        Directory.CreateDirectory(DashboardPage.ScreenshotFolder);
        await download.SaveAsAsync(file);

        XNamespace graphml = "http://graphml.graphdrawing.org/xmlns";
        var document = XDocument.Load(file);
        var graph = document.Root!.Element(graphml + "graph")!;
        var nodes = graph.Elements(graphml + "node").ToList();
        var edges = graph.Elements(graphml + "edge").ToList();
        Assert.Equal(shown.Nodes, nodes.Count);
        Assert.Equal(shown.Edges, edges.Count);
        var ids = nodes.Select(n => (string)n.Attribute("id")!).ToHashSet();
        Assert.Contains(Microsoft, ids);
        Assert.Contains(InflectionAi, ids);
        Assert.All(edges, e => Assert.True(ids.Contains((string)e.Attribute("source")!) && ids.Contains((string)e.Attribute("target")!)));
        var keys = document.Root.Elements(graphml + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("attr.name")!);
        var investment = edges.Single(e => (string)e.Attribute("source")! == Microsoft && (string)e.Attribute("target")! == InflectionAi
            && e.Elements(graphml + "data").Any(d => keys[(string)d.Attribute("key")!] == "relationType" && d.Value == "INVESTED_IN"));
        Assert.Contains(investment.Elements(graphml + "data"), d => keys[(string)d.Attribute("key")!] == "amount" && d.Value == "1300000000");

        await dashboard.ScreenshotAsync("graphml-export");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Exported_PNG_is_an_image_of_the_view()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;
        await dashboard.OpenNetworkAsync("OpenAI", "org:openai");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-png"));
        await using var stream = await download.CreateReadStreamAsync();
        var header = new byte[8];
        await stream.ReadExactlyAsync(header);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, header);

        await dashboard.ScreenshotAsync("png-export");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_language_toggle_switches_labels_to_English_and_back()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;
        await dashboard.OpenNetworkAsync("微软", Microsoft);
        var centre = page.Locator($"#in-view button[data-id='{Microsoft}']");
        await Assertions.Expect(centre).ToHaveTextAsync("微软");

        await page.ClickAsync("#language");
        await Assertions.Expect(centre).ToHaveTextAsync("Microsoft");
        await Assertions.Expect(page.Locator("#tab-deals")).ToHaveTextAsync("Deals");
        Assert.Equal("Microsoft", await page.EvaluateAsync<string>($"() => window.kg.network.getElementById('{Microsoft}').data('label')"));

        await page.ClickAsync("#language");
        await Assertions.Expect(centre).ToHaveTextAsync("微软");

        await dashboard.ScreenshotAsync("language-toggle");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so_on_the_page()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;

        await page.FillAsync("#search", "不存在的公司");
        await page.PressAsync("#search", "Enter");

        var status = page.Locator("#status");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-kind", "empty");
        await Assertions.Expect(status).ToContainTextAsync("没有与“不存在的公司”匹配的实体");

        await dashboard.ScreenshotAsync("no-match");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_failing_service_is_reported_on_the_page()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;
        await page.RouteAsync("**/graphql", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 503,
            ContentType = "text/plain",
            Body = "down for maintenance",
        }));

        await page.FillAsync("#search", "微软");
        await page.PressAsync("#search", "Enter");

        var status = page.Locator("#status");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-kind", "error");
        await Assertions.Expect(status).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(status).ToContainTextAsync("查询失败");
        await Assertions.Expect(status).ToContainTextAsync("503");

        await dashboard.ScreenshotAsync("service-failure");
        dashboard.AssertOnlyFailedRequestErrors();
    }

    [Fact]
    public async Task Expanding_a_node_adds_its_neighbours_in_place_and_pinned_nodes_stay_put()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var page = dashboard.Page;
        await page.SelectOptionAsync("#hops", "1");
        await dashboard.OpenNetworkAsync("Inflection", InflectionAi);
        var before = await dashboard.ShownCountsAsync();

        await page.Locator($"#in-view button[data-id='{Microsoft}']").ClickAsync();
        await page.Locator("#panel [data-action=pin]").ClickAsync();
        await Assertions.Expect(page.Locator("#panel [data-action=pin]")).ToHaveAttributeAsync("aria-pressed", "true");
        const string modelPosition = "id => { const p = window.kg.network.getElementById(id).position(); return [p.x, p.y]; }";
        var pinnedAt = await page.EvaluateAsync<double[]>(modelPosition, Microsoft);

        await page.Locator("#panel [data-action=expand]").ClickAsync();
        await Assertions.Expect(page.Locator("#in-view button[data-id='org:mistral-ai']")).ToBeVisibleAsync();
        await dashboard.WaitForGraphAsync("#network");

        var after = await dashboard.ShownCountsAsync();
        Assert.True(after.Nodes > before.Nodes, $"Nodes before expanding: {before.Nodes}; after: {after.Nodes}");
        Assert.Equal(pinnedAt, await page.EvaluateAsync<double[]>(modelPosition, Microsoft));

        await dashboard.ScreenshotAsync("expanded");
        dashboard.AssertNoConsoleErrors();
    }
}
