using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Runs every query of docs/graphql-cookbook.md, with its variables, against the AI-industry graph.</summary>
public sealed partial class CookbookTests(SqliteSeededApi api) : IClassFixture<SqliteSeededApi>
{
    [GeneratedRegex(@"^## (?<title>.+?)\n\n```graphql\n(?<query>.*?)```\n```json\n(?<variables>.*?)```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Recipe();

    public static TheoryData<string> Titles()
    {
        var data = new TheoryData<string>();
        foreach (var title in Recipes().Keys) data.Add(title);
        return data;
    }

    private static Dictionary<string, (string Query, string Variables)> Recipes()
    {
        var markdown = File.ReadAllText(CookbookPath()).Replace("\r\n", "\n");
        return Recipe().Matches(markdown).ToDictionary(m => m.Groups["title"].Value, m => (m.Groups["query"].Value, m.Groups["variables"].Value));
    }

    private static string CookbookPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "graphql-cookbook.md");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("docs/graphql-cookbook.md not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_cookbook_has_ten_recipes() => Assert.Equal(10, Recipes().Count);

    [Theory]
    [MemberData(nameof(Titles))]
    public async Task Each_recipe_runs_without_errors_and_finds_something(string title)
    {
        var (query, variables) = Recipes()[title];
        var data = (await api.Client().QueryAsync(query, JsonDocument.Parse(variables).RootElement)).Ok();

        var answer = data.EnumerateObject().Single().Value;
        Assert.True(HasContent(answer), $"'{title}' answered nothing: {answer}");
    }

    /// <summary>True when the answer holds at least one non-empty list or, for a single object, any value.</summary>
    private static bool HasContent(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.GetArrayLength() > 0,
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.GetArrayLength() > 0 : HasContent(p.Value)),
        JsonValueKind.Null or JsonValueKind.Undefined => false,
        _ => true,
    };
}
