using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>The seed article from ../shared/seeds, read as the CLI reads it, must yield what the issue lists.</summary>
[Collection(PipelineCollection.Name)]
public class SeedAcceptanceTests(PipelineFixture fixture)
{
    private readonly ExtractionResult _seed = fixture.Pipeline.Extract(ArticleReader.ReadFile(SharedFiles.Seed).Single());

    [Theory]
    [InlineData("Microsoft", "Organization")]
    [InlineData("Inflection AI", "Organization")]
    [InlineData("Microsoft AI", "Organization")]
    [InlineData("OpenAI", "Organization")]
    [InlineData("Google", "Organization")]
    [InlineData("Apple", "Organization")]
    [InlineData("Mistral AI", "Organization")]
    [InlineData("DeepMind", "Organization")]
    [InlineData("苏莱曼", "Person")]
    [InlineData("西蒙尼扬", "Person")]
    [InlineData("纳德拉", "Person")]
    [InlineData("山姆·奥特曼", "Person")]
    [InlineData("Copilot", "Product")]
    [InlineData("Bing", "Product")]
    [InlineData("Edge", "Product")]
    [InlineData("Azure", "Product")]
    [InlineData("Gemini", "Product")]
    [InlineData("Pi", "Product")]
    [InlineData("GPT-5", "Product")]
    [InlineData("H100", "Product")]
    public void Entities(string name, string type) => Assert.Equal(type, _seed.Entity(name).Type);

    [Theory]
    [InlineData("ACQUIHIRED", "Microsoft", "Inflection AI")]
    [InlineData("INVESTED_IN", "Microsoft", "Mistral AI")]
    [InlineData("JOINED", "苏莱曼", "Microsoft")]
    [InlineData("JOINED", "西蒙尼扬", "Microsoft")]
    [InlineData("LEFT", "苏莱曼", "Inflection AI")]
    [InlineData("LEFT", "西蒙尼扬", "Inflection AI")]
    [InlineData("FOUNDED", "苏莱曼", "Inflection AI")]
    [InlineData("FOUNDED", "西蒙尼扬", "Inflection AI")]
    [InlineData("FOUNDED", "苏莱曼", "DeepMind")]
    [InlineData("WORKS_FOR", "纳德拉", "Microsoft")]
    [InlineData("PART_OF", "Microsoft AI", "Microsoft")]
    [InlineData("REPORTS_TO", "苏莱曼", "纳德拉")]
    [InlineData("ACQUIRED", "Google", "DeepMind")]
    [InlineData("LICENSED_TO", "Inflection AI", "Microsoft")]
    [InlineData("COMPETES_WITH", "Microsoft", "Google")]
    [InlineData("DEVELOPS", "Google", "Gemini")]
    [InlineData("DEVELOPS", "Inflection AI", "Pi")]
    public void Relations(string type, string subject, string @object) =>
        Assert.True(_seed.Relation(type, subject, @object) is not null, $"{type} {subject}→{@object} missing: {_seed.Describe()}");

    [Fact]
    public void Microsoft_led_the_1_3_billion_dollar_round_in_inflection()
    {
        var relation = _seed.Relation("INVESTED_IN", "Microsoft", "Inflection AI");
        Assert.NotNull(relation);
        Assert.Equal(1_300_000_000m, relation!.Attributes.Amount);
        Assert.Equal("USD", relation.Attributes.Currency);
        Assert.True(relation.Attributes.Lead);
    }

    [Theory]
    [InlineData("苏莱曼", "CEO")]
    [InlineData("西蒙尼扬", "首席科学家")]
    public void Roles_at_microsoft_ai(string person, string role)
    {
        var relation = _seed.Relation("WORKS_FOR", person, "Microsoft AI");
        Assert.NotNull(relation);
        Assert.Contains(role == "CEO" ? "首席执行官" : role, relation!.Attributes.Role);
    }

    [Fact]
    public void Altman_joining_microsoft_was_reversed_and_is_not_asserted() =>
        Assert.Null(_seed.Relation("JOINED", "山姆·奥特曼", "Microsoft"));

    [Fact]
    public void Page_furniture_yields_no_entity()
    {
        var furniture = _seed.Entities.SelectMany(e => e.Mentions).Where(m => m.Start > 0 && m.Text is "评论" or "登录" or "分享" or "点赞");
        Assert.Empty(furniture);
        Assert.DoesNotContain(_seed.Entities, e => e.Name.Contains("aixinzhijie"));
    }
}

public static class SharedFiles
{
    /// <summary>The shared folder sits beside the repository; tests run from tests/X/bin/Debug/net10.0.</summary>
    public static string Shared
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "seeds"))) return candidate;
            }
            throw new DirectoryNotFoundException("the shared/ folder with seeds/ was not found beside the repository");
        }
    }

    public static string Seed => Directory.EnumerateFiles(Path.Combine(Shared, "seeds"), "*.txt").Order().First();

    public static string Repository
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "KnowledgeGraph.sln"))) return directory.FullName;
            }
            throw new DirectoryNotFoundException("KnowledgeGraph.sln not found above the test binaries");
        }
    }
}
