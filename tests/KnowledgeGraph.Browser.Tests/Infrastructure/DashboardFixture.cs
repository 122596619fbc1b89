using System.Text;
using Microsoft.Playwright;

namespace KnowledgeGraph.Browser.Tests.Infrastructure;

/// <summary>One service and one Debian Chromium for all browser tests; each test opens its own page.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ServiceProcess? _service;

    public Uri BaseAddress => Service.BaseAddress;

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("The fixture was not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture was not started.");

    public async Task InitializeAsync()
    {
        // Never a silent skip: without the browser these tests fail and say how to get it.
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. The browser tests drive Debian's Chromium (Playwright never downloads one); " +
                "install it with `apt-get install -y chromium fonts-wqy-zenhei`, as scripts/test.sh does.");
        _service = await ServiceProcess.StartAsync(new ServiceLaunch(ServiceLaunch.Api)
        {
            Environment = new Dictionary<string, string> { ["KG__LoadSamples"] = "true" },
            IsReady = HasSamplesAsync,
        }, TimeSpan.FromMinutes(3));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>The samples are ingested while the service starts; the tests need them all in the store.</summary>
    private static async Task<bool> HasSamplesAsync(HttpClient http)
    {
        using var content = new StringContent("""{"query":"{ entities(search: \"Inflection\", first: 1) { totalCount } }"}""", Encoding.UTF8, "application/json");
        var answer = await (await http.PostAsync("graphql", content)).Content.ReadAsStringAsync();
        return answer.Contains("\"totalCount\":1", StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_service is not null)
            await _service.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
