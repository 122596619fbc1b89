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

        var (exitCode, stdout, stderr) = await KgProcess.RunAsync(TimeSpan.FromMinutes(5), "extract", _workspace.Corpus);

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
}
