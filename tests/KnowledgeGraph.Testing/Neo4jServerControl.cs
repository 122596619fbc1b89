using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeGraph.Testing;

/// <summary>
/// Crashes and restarts the plain Neo4j test server through scripts/neo4j-test-server.sh (kill, resume), for fault
/// tests, and empties its database. The server and the run dir come from the env file the script writes; when they are
/// missing the test fails with directions, never skips.
/// </summary>
public static class Neo4jServerControl
{
    private const string StartHint =
        "Run the tests through `scripts/neo4j-test-server.sh run -- dotnet test ...` (or `start` and source the env file it prints).";

    public static Uri Uri => new(Required("KG_TEST_NEO4J_URI"));

    /// <summary>SIGKILLs the server's java process and waits until it is gone.</summary>
    public static Task KillAsync() => RunScriptAsync("kill", "plain");

    /// <summary>Starts the killed server again on its own data and ports and waits until it answers.</summary>
    public static Task ResumeAsync() => RunScriptAsync("resume", "plain");

    public static async Task WipeAsync()
    {
        using var http = new HttpClient { BaseAddress = Uri, Timeout = TimeSpan.FromSeconds(60) };
        var root = JsonDocument.Parse(await http.GetStringAsync("/")).RootElement;
        var commit = root.TryGetProperty("transaction", out var transaction)
            ? transaction.GetString()!.Replace("{databaseName}", "neo4j", StringComparison.Ordinal) + "/commit"
            : root.GetProperty("data").GetString()!.TrimEnd('/') + "/transaction/commit";
        var statement = new { statements = new[] { new { statement = "MATCH (n) DETACH DELETE n" } } };
        using var response = await http.PostAsJsonAsync(commit, statement);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || JsonDocument.Parse(body).RootElement.GetProperty("errors").GetArrayLength() > 0)
            throw new InvalidOperationException($"Emptying the Neo4j test database failed: {(int)response.StatusCode} {body}");
    }

    private static async Task RunScriptAsync(params string[] arguments)
    {
        Required("KG_NEO4J_RUN_DIR");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"neo4j-test-server.sh {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}{await errors}");
    }

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "scripts", "neo4j-test-server.sh");
            if (File.Exists(script)) return script;
        }
        throw new FileNotFoundException("scripts/neo4j-test-server.sh not found above " + AppContext.BaseDirectory);
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set, so this fault test cannot reach the Neo4j test server. {StartHint}");
}
