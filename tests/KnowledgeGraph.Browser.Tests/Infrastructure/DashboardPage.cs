using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KnowledgeGraph.Browser.Tests.Infrastructure;

/// <summary>
/// A fresh browser page on the dashboard, laptop-sized, that records every console error and uncaught exception and
/// leaves a screenshot in the test output folder when the test is done with it.
/// </summary>
public sealed partial class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (_errors)
                    _errors.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
                _errors.Add($"uncaught: {error}");
        };
    }

    public IPage Page { get; }

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<DashboardPage> OpenAsync(DashboardFixture fixture)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            AcceptDownloads = true,
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var dashboard = new DashboardPage(context, page);
        await page.GotoAsync("/");
        return dashboard;
    }

    /// <summary>Types into the search box, picks the suggestion for the entity, and waits for its network to be laid out.</summary>
    public async Task OpenNetworkAsync(string typed, string entityId)
    {
        await Page.FillAsync("#search", typed);
        await Page.Locator($"#suggestions [role=option][data-id='{entityId}']").ClickAsync();
        await WaitForGraphAsync("#network");
    }

    public async Task WaitForGraphAsync(string container) =>
        await Page.WaitForSelectorAsync($"{container}[data-state=ready]");

    /// <summary>The numbers of nodes and edges the status line says are shown.</summary>
    public async Task<(int Nodes, int Edges)> ShownCountsAsync()
    {
        var text = await Page.Locator("#status").InnerTextAsync();
        var match = ShownPattern().Match(text);
        Assert.True(match.Success, $"The status line does not give the counts: \"{text}\"");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    /// <summary>Where a node is drawn on the canvas, in page coordinates.</summary>
    public async Task<(float X, float Y)> NodePositionAsync(string graph, string id)
    {
        var point = await Page.EvaluateAsync<float[]>(
            """
            ([graph, id]) => {
              const cy = window.kg[graph];
              const node = cy.getElementById(id);
              if (node.empty() || !node.visible()) return [];
              const p = node.renderedPosition();
              const box = cy.container().getBoundingClientRect();
              return [box.left + p.x, box.top + p.y];
            }
            """, new[] { graph, id });
        Assert.True(point.Length == 2, $"{id} is not drawn in the {graph} view");
        return (point[0], point[1]);
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png") });
    }

    /// <summary>For a test that breaks the service on purpose: the only errors allowed are the failed requests themselves.</summary>
    public void AssertOnlyFailedRequestErrors()
    {
        lock (_errors)
            Assert.All(_errors, error => Assert.StartsWith("console: Failed to load resource", error));
    }

    public void AssertNoConsoleErrors()
    {
        lock (_errors)
            Assert.True(_errors.Count == 0, "The browser reported errors:\n" + string.Join("\n", _errors));
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    [GeneratedRegex(@"(\d+)\D+?(\d+)")]
    private static partial Regex ShownPattern();
}
