using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>Drops a relation when the article asserts one that excludes it for the same pair (relations/precedence.tsv).</summary>
public sealed class RelationPrecedence(LanguageResources resources) : IPipelineStage
{
    private readonly IReadOnlyList<(string Kept, string Dropped)> _rules = resources.Rows("relations/precedence.tsv", 2)
        .Select(r => (r[0].Trim(), r[1].Trim())).ToList();

    public void Process(Document document)
    {
        foreach (var (kept, dropped) in _rules)
        {
            var pairs = document.Relations.Where(r => r.Type == kept).Select(r => (r.Subject, r.Object)).ToHashSet();
            document.Relations.RemoveAll(r => r.Type == dropped && pairs.Contains((r.Subject, r.Object)));
        }
    }
}
