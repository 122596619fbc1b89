using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KnowledgeGraph.Testing;

/// <summary>
/// A built service (<c>dotnet X.dll …</c> from the test's output folder) as its own process on a free loopback port,
/// with a SQLite store in a temporary folder of its own; stopped, and the folder removed, when disposed.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(ServiceLaunch launch)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = launch.WorkingDirectory ?? AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, launch.Assembly));
        foreach (var argument in launch.Arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["KG__Store"] = "sqlite";
        start.Environment["KG__Sqlite__Path"] = DatabasePath;
        start.Environment["KG__LoadSamples"] = "false";
        foreach (var (key, value) in launch.Environment)
            start.Environment[key] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>A folder of this process's own, removed when it stops; the default store lives here.</summary>
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("kg-service-test-").FullName;

    public string DatabasePath => Path.Combine(DataFolder, "knowledgegraph.db");

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>
    /// Waits until the output holds <paramref name="text"/>: the console logger writes on a thread of its own, so a line
    /// about a request may arrive after the response did.
    /// </summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow >= deadline || _process.HasExited)
                return Output.Contains(text, StringComparison.Ordinal);
            await Task.Delay(50);
        }
        return true;
    }

    /// <summary>Starts the process and waits until /health answers 200 and <see cref="ServiceLaunch.IsReady"/> (if any) agrees.</summary>
    public static async Task<ServiceProcess> StartAsync(ServiceLaunch launch, TimeSpan timeout)
    {
        var service = new ServiceProcess(launch);
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !service._process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("health")).StatusCode == HttpStatusCode.OK && (launch.IsReady is null || await launch.IsReady(http)))
                    return service;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        var output = service.Output;
        var exited = service._process.HasExited ? $"it exited with code {service._process.ExitCode}" : $"it was not ready within {timeout}";
        await service.DisposeAsync();
        throw new InvalidOperationException($"The service ({launch.Assembly}) did not start: {exited}. Its output:\n{output}");
    }

    /// <summary>
    /// Asks the process to stop as a service manager would (SIGTERM), and waits for it; false if it had to be killed.
    /// Not SIGINT: a shell running the tests in the background starts its children with SIGINT ignored.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
            return true;
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return false;
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Ends the process at once with SIGKILL, as a crash or the OOM killer would: none of its shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be held for a moment after the process ends; the temp folder is cleaned eventually.
        }
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

/// <summary>
/// What to start: an assembly of the test's output folder with its arguments (<c>--urls</c> is added), environment
/// variables over the defaults (a SQLite store in the process's data folder, no samples), and an optional readiness
/// check beyond /health.
/// </summary>
public sealed record ServiceLaunch(string Assembly)
{
    public const string Api = "KnowledgeGraph.Api.dll";

    public IReadOnlyList<string> Arguments { get; init; } = [];
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public string? WorkingDirectory { get; init; }
    public Func<HttpClient, Task<bool>>? IsReady { get; init; }
}
