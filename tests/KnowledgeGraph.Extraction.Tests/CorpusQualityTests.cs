using KnowledgeGraph.Extraction.Evaluation;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Regression floors for extraction quality on the annotated corpus and on the held-out articles (tests/holdout/README.md
/// says which of them have since been used for tuning). They sit at what the pipeline reaches today, so that a change that makes it worse fails; the targets of the
/// issue (entities 0.90, relations 0.75) are higher and reported by `kg eval`.
/// </summary>
[Collection(PipelineCollection.Name)]
public class CorpusQualityTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("tests/corpus", 0.988, 0.935)]
    [InlineData("tests/holdout", 0.944, 0.847)]
    public void Quality_does_not_fall_below_its_floor(string folder, double entityF1, double relationF1)
    {
        var report = new Evaluator(fixture.Pipeline).Evaluate(Path.Combine(SharedFiles.Repository, folder));
        Assert.Empty(report.Errors);
        Assert.True(report.Articles >= 12, $"only {report.Articles} articles read");
        Assert.True(report.Entities.F1 >= entityF1, $"entity F1 {report.Entities.F1:F3} < {entityF1}");
        Assert.True(report.Relations.F1 >= relationF1, $"relation F1 {report.Relations.F1:F3} < {relationF1}");
    }

    [Fact]
    public void The_corpus_covers_every_relation_type_at_least_eight_times()
    {
        var counts = Directory.EnumerateFiles(Path.Combine(SharedFiles.Repository, "tests/corpus"), "*.gold.json")
            .SelectMany(path => GoldArticle.Load(path).Relations.Where(r => !r.Optional))
            .GroupBy(r => r.Type)
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var type in Ontology.OntologySchema.Default.RelationTypes)
            Assert.True(counts.GetValueOrDefault(type.Name) >= 8, $"{type.Name}: {counts.GetValueOrDefault(type.Name)}");
        Assert.True(Directory.EnumerateFiles(Path.Combine(SharedFiles.Repository, "tests/corpus"), "*.gold.json").Count() >= 40);
    }
}
