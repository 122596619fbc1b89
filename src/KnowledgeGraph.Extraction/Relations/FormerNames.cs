using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// An organization the article says was renamed (Halodi Robotics更名为1X) is the
/// same company at another time: what a person did there (founded it, held a post, joined or left) is told of the
/// company as it is now, the one the article is about (relations/former-names.tsv).
/// </summary>
public sealed class FormerNames(LanguageResources resources) : IPipelineStage
{
    private static readonly HashSet<string> PersonTypes = ["FOUNDED", "WORKS_FOR", "JOINED", "LEFT"];

    private readonly HashSet<string> _renamings = resources.Lines("relations/former-names.tsv").Select(l => l.Trim()).Where(l => l.Length > 0)
        .ToHashSet(StringComparer.Ordinal);

    public void Process(Document document)
    {
        var current = CurrentNames(document);
        if (current.Count == 0) return;
        for (var i = 0; i < document.Relations.Count; i++)
        {
            var relation = document.Relations[i];
            if (PersonTypes.Contains(relation.Type) && current.TryGetValue(relation.Object, out var now) && now != relation.Subject)
                document.Relations[i] = relation with { Object = now };
        }
    }

    /// <summary>For each earlier name the article gives, the organization it is now.</summary>
    private Dictionary<EntityCluster, EntityCluster> CurrentNames(Document document)
    {
        var current = new Dictionary<EntityCluster, EntityCluster>();
        var organizations = document.Mentions.Where(m => m is { Type: "Organization", IsAnaphor: false, Entity: not null } && m.Sentence >= 0).ToList();
        for (var i = 0; i + 1 < organizations.Count; i++)
        {
            var (first, second) = (organizations[i], organizations[i + 1]);
            if (first.Sentence != second.Sentence || first.Entity == second.Entity || second.Range.Start <= first.Range.End) continue;
            var between = document.Text.AsSpan(first.Range.End, second.Range.Start - first.Range.End).Trim(" （(）)的".AsSpan()).ToString();
            if (_renamings.Contains(between)) current.TryAdd(first.Entity!, second.Entity!);
        }
        return current;
    }
}
