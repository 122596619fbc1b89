using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KnowledgeGraph.Browser.Tests.Infrastructure;

/// <summary>
/// The built service (KnowledgeGraph.Api.dll from this project's output folder) as its own process on a free loopback
/// port, with a fresh SQLite store in a temporary folder, loading the sample articles on first start.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("kg-browser-tests-").FullName;

    private ServiceProcess()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "KnowledgeGraph.Api.dll"), "--urls", BaseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["KG__Store"] = "sqlite";
        start.Environment["KG__Sqlite__Path"] = Path.Combine(_dataFolder, "knowledgegraph.db");
        start.Environment["KG__LoadSamples"] = "true";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts the service and waits until /health answers and the samples are in the store.</summary>
    public static async Task<ServiceProcess> StartAsync(TimeSpan timeout)
    {
        var service = new ServiceProcess();
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !service._process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("health")).StatusCode == HttpStatusCode.OK && await service.HasSamplesAsync(http))
                    return service;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        var output = service.Output;
        await service.DisposeAsync();
        throw new InvalidOperationException($"The service did not start with the sample articles within {timeout}. Its output:\n{output}");
    }

    private async Task<bool> HasSamplesAsync(HttpClient http)
    {
        using var content = new StringContent("""{"query":"{ entities(search: \"Inflection\", first: 1) { totalCount } }"}""", Encoding.UTF8, "application/json");
        var answer = await (await http.PostAsync("graphql", content)).Content.ReadAsStringAsync();
        return answer.Contains("\"totalCount\":1", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
