using KnowledgeGraph.Extraction.Evaluation;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>A gold folder with broken files: each is named in an error and the rest are still scored.</summary>
[Collection(PipelineCollection.Name)]
public sealed class EvaluatorErrorTests(PipelineFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kg-eval-errors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Unreadable_and_malformed_gold_files_are_reported_by_name_and_the_others_scored()
    {
        File.WriteAllText(Path.Combine(_folder, "a_good.txt"), "微软宣布投资Mistral AI。");
        File.WriteAllText(Path.Combine(_folder, "a_good.gold.json"),
            """{"entities":[{"name":"Microsoft","type":"Organization","aliases":["微软"]}],"relations":[]}""");
        File.WriteAllText(Path.Combine(_folder, "b_dangling.txt"), "谷歌发布了Gemini。");
        File.CreateSymbolicLink(Path.Combine(_folder, "b_dangling.gold.json"), Path.Combine(_folder, "no-such-file.json"));
        File.WriteAllText(Path.Combine(_folder, "c_malformed.txt"), "谷歌发布了Gemini。");
        File.WriteAllText(Path.Combine(_folder, "c_malformed.gold.json"), """{"entities":[""");

        var report = new Evaluator(fixture.Pipeline).Evaluate(_folder);

        Assert.Equal(1, report.Articles);
        Assert.Equal(1, report.Entities.TruePositives);
        Assert.Collection(report.Errors,
            e => Assert.Contains("b_dangling.gold.json: cannot read the gold file", e, StringComparison.Ordinal),
            e => Assert.Contains("c_malformed.gold.json: malformed gold file", e, StringComparison.Ordinal));
    }
}
