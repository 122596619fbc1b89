using KnowledgeGraph.Extraction.Output;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Tests;

public class SectionResultsTests
{
    private static readonly ArticleInfo Article = new("long.txt", "hash", null, null, null);

    private static ExtractionResult Section(params ExtractedRelation[] relations) => new(Article, [], relations, []);

    private static ExtractedRelation Investment(double confidence, int start, RelationAttributes attributes) =>
        new("INVESTED_IN", "org:a", "org:b", confidence, new TextSpan(start, start + 4, "领投本轮"), attributes);

    [Fact]
    public void The_same_relation_in_two_sections_keeps_the_surer_evidence_and_the_attributes_of_both()
    {
        var vague = Investment(0.6, 10, new RelationAttributes(Amount: 5m, Currency: "USD", Round: "B"));
        var sure = Investment(0.9, 3, new RelationAttributes(Lead: true, Currency: "CNY"));

        var merged = SectionResults.Merge(Article, [(Section(vague), 0), (Section(sure), 1000)]);

        var relation = Assert.Single(merged.Relations);
        Assert.Equal(0.9, relation.Confidence);
        Assert.Equal(1003, relation.Evidence.Start);
        Assert.Equal(new RelationAttributes(Amount: 5m, Currency: "USD", Round: "B", Lead: true), relation.Attributes);
    }

    [Fact]
    public void A_surer_relation_keeps_its_own_attributes_where_it_has_them()
    {
        var first = Investment(0.9, 0, new RelationAttributes(Amount: 2m, Currency: "CNY", Round: "A"));
        var second = Investment(0.7, 0, new RelationAttributes(Amount: 3m, Currency: "USD", Round: "B", Date: "2024-03"));

        var merged = SectionResults.Merge(Article, [(Section(first), 0), (Section(second), 500)]);

        var relation = Assert.Single(merged.Relations);
        Assert.Equal(0, relation.Evidence.Start);
        Assert.Equal(new RelationAttributes(Amount: 2m, Currency: "CNY", Round: "A", Date: "2024-03"), relation.Attributes);
    }
}
