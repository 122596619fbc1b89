using System.Diagnostics;
using System.Text.Json;

namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg extract</c> run as its own process, as a user runs it: JSON lines on stdout, problems on stderr.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Every_article_gives_one_json_line_and_a_bad_file_one_error_line_naming_it()
    {
        var articles = _workspace.ArticleFiles;
        var broken = Path.Combine(_workspace.Corpus, "zz_broken.json");
        File.WriteAllText(broken, "{\"title\": \"未完");

        var (exitCode, stdout, stderr) = await RunKgAsync("extract", _workspace.Corpus);

        Assert.Equal(1, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(articles, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("entities").ValueKind);
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("relations").ValueKind);
        }
        Assert.Contains(lines, line => line.Contains("\"Microsoft\"", StringComparison.Ordinal));
        var error = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("zz_broken.json", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunKgAsync(params string[] arguments)
    {
        var kg = Path.Combine(AppContext.BaseDirectory, "kg.dll");
        Assert.True(File.Exists(kg), $"{kg} is missing: the test project must reference the Cli project");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(kg);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start kg");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout, await stderr);
    }
}
