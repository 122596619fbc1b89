using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// An article of about three megabytes made of the corpus's articles one after another: hundreds of different
/// names, mentioned tens of thousands of times. Work done per mention over the whole article (rather than over its
/// sentence) made the time grow with the square of the article's length. Its speed is measured in
/// docs/benchmarks.md, not asserted here; this only requires that it is read to its end.
/// </summary>
[Collection(PipelineCollection.Name)]
public class LongArticleTests(PipelineFixture fixture)
{
    private const int TargetCharacters = 1_000_000;

    private const string LastParagraph = "澜渊科技与华为达成战略合作，双方将在芯片领域展开合作。";

    [Fact]
    public void A_long_article_of_varied_paragraphs_is_read_to_its_end()
    {
        var before = ArticleOfCorpusBodies();
        var text = before + LastParagraph;
        var result = fixture.Pipeline.Extract(new Article("long", text, null, new DateTime(2024, 3, 22), null));

        Assert.True(result.Entities.Count >= 300, $"only {result.Entities.Count} entities in {text.Length:N0} characters");
        Assert.Contains(result.Entities, e => e.Name == "Microsoft" && e.Mentions.Count >= 100);
        var partnership = result.Relation("PARTNERED_WITH", "澜渊科技", "华为");
        Assert.NotNull(partnership);
        Assert.Equal(before.EnumerateRunes().Count(), partnership.Evidence.Start);
    }

    /// <summary>The bodies of the corpus's plain-text articles, one after another, over and over up to the target length.</summary>
    private static string ArticleOfCorpusBodies()
    {
        var bodies = Directory.EnumerateFiles(Path.Combine(SharedFiles.Repository, "tests/corpus"), "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(ArticleReader.ReadFile)
            .Select(article => article.Text.Trim())
            .ToList();
        Assert.True(bodies.Count >= 20, $"only {bodies.Count} corpus articles");
        var text = new System.Text.StringBuilder(TargetCharacters + 10_000);
        for (var i = 0; text.Length < TargetCharacters; i++) text.Append(bodies[i % bodies.Count]).Append("\n\n");
        return text.ToString();
    }
}
