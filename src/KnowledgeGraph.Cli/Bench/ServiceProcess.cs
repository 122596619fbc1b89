using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// The GraphQL service started as its own process over a given store on a free loopback port: KnowledgeGraph.Api.dll,
/// or kg.dll with the arguments <c>serve …</c>.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>Processor time the service has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static Task<ServiceProcess> StartAsync(string apiDll, string sqlitePath, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var settings = new Dictionary<string, string> { ["KG__Store"] = "sqlite", ["KG__Sqlite__Path"] = Path.GetFullPath(sqlitePath) };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) settings[key] = value;
        return StartAsync(apiDll, [], settings, cancellationToken);
    }

    public static async Task<ServiceProcess> StartAsync(string apiDll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.GetFullPath(apiDll) },
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(apiDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["KG__LoadSamples"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet {apiDll}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline && !process.HasExited;)
        {
            try
            {
                if ((await http.GetAsync("/health", cancellationToken)).StatusCode == HttpStatusCode.OK) return service;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            // The probe's own 5 s timeout: a service still starting on a busy machine answers later. Escaping, this
            // ended kg bench load with status 1 and no message and left the service running (sessions 6 and 7).
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(200, cancellationToken);
        }
        await service.DisposeAsync();
        throw new InvalidOperationException($"the service {apiDll} did not become healthy within 90 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
