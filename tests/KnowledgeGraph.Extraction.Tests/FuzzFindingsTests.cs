using System.Text;
using KnowledgeGraph.Extraction.Output;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Every input kept under tests/fuzz/reader/finds and tests/fuzz/extractor/finds (inputs a fuzz run or its harness
/// flagged), replayed with the harness's own checks: the reader either refuses with an error naming the source or
/// returns articles with text; the extractor's spans cut exactly their text out of the article.
/// </summary>
[Collection(PipelineCollection.Name)]
public class FuzzFindingsTests(PipelineFixture fixture)
{
    public static TheoryData<string> ReaderFindings => Findings("reader");

    public static TheoryData<string> ExtractorFindings => Findings("extractor");

    [Theory]
    [MemberData(nameof(ReaderFindings))]
    public void The_reader_refuses_clearly_or_returns_text(string finding)
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedFiles.Repository, finding));
        foreach (var source in new[] { "finding.txt", "finding.jsonl" })
        {
            try
            {
                Assert.All(ArticleReader.Read(bytes, source), article => Assert.False(string.IsNullOrWhiteSpace(article.Text)));
            }
            catch (ArticleReadException refused)
            {
                Assert.Contains(source, refused.Message);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExtractorFindings))]
    public void The_extractor_keeps_its_spans_inside_the_text(string finding)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(SharedFiles.Repository, finding)));
        var result = fixture.Extract(text);
        ExtractionJson.Serialize(result);
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var spans = result.Entities.SelectMany(e => e.Mentions)
            .Concat(result.Relations.Select(r => r.Evidence))
            .Concat(result.Deals.Select(d => d.Evidence));
        Assert.All(spans, span => Assert.Equal(span.Text, Cut(codePoints, span)));
        var ids = result.Entities.Select(e => e.Id).ToHashSet();
        Assert.All(result.Relations, r => Assert.True(ids.Contains(r.Subject) && ids.Contains(r.Object)));
    }

    private static string Cut(string[] codePoints, TextSpan span) =>
        span.Start >= 0 && span.Start <= span.End && span.End <= codePoints.Length
            ? string.Concat(codePoints[span.Start..span.End])
            : $"<span {span.Start}..{span.End} outside {codePoints.Length} code points>";

    /// <summary>Paths relative to the repository; a theory needs at least one case, so an empty folder is an error.</summary>
    private static TheoryData<string> Findings(string target)
    {
        var folder = Path.Combine(SharedFiles.Repository, "tests", "fuzz", target, "finds");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(SharedFiles.Repository, file));
        return data;
    }
}
