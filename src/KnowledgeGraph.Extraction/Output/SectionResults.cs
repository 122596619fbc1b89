using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Output;

/// <summary>
/// Joins the results of an article's sections into the article's result: an entity id names the same thing in
/// every section, so entities join by id; a relation keeps its surest evidence and fills its missing attributes from the others; offsets move from the section's
/// code points to the article's.
/// </summary>
public static class SectionResults
{
    public static ExtractionResult Merge(ArticleInfo article, IEnumerable<(ExtractionResult Result, int CodePointStart)> sections)
    {
        var entities = new Dictionary<string, (ExtractedEntity First, List<string> Aliases, List<TextSpan> Mentions)>();
        var relations = new Dictionary<(string, string, string), ExtractedRelation>();
        var deals = new List<ExtractedDeal>();
        foreach (var (result, shift) in sections)
        {
            foreach (var entity in result.Entities)
            {
                if (!entities.TryGetValue(entity.Id, out var joined))
                    entities[entity.Id] = joined = (entity, [], []);
                joined.Aliases.AddRange(entity.Aliases.Where(alias => !joined.Aliases.Contains(alias)));
                joined.Mentions.AddRange(entity.Mentions.Select(m => Shift(m, shift)));
            }
            foreach (var relation in result.Relations)
            {
                var key = (relation.Type, relation.Subject, relation.Object);
                var shifted = relation with { Evidence = Shift(relation.Evidence, shift) };
                relations[key] = relations.TryGetValue(key, out var kept) ? Surer(kept, shifted) : shifted;
            }
            deals.AddRange(result.Deals.Select(d => d with { Evidence = Shift(d.Evidence, shift) }));
        }
        return new ExtractionResult(
            article,
            entities.Values.Select(e => e.First with { Aliases = e.Aliases, Mentions = e.Mentions }).ToList(),
            relations.Values.OrderBy(r => r.Evidence.Start).ToList(),
            deals);
    }

    /// <summary>The surer relation keeps its evidence; attributes it lacks come from the other, as within a section.</summary>
    private static ExtractedRelation Surer(ExtractedRelation kept, ExtractedRelation candidate)
    {
        var (winner, other) = candidate.Confidence > kept.Confidence ? (candidate, kept) : (kept, candidate);
        return winner with { Attributes = winner.Attributes.FilledFrom(other.Attributes) };
    }

    private static TextSpan Shift(TextSpan span, int codePoints) =>
        span with { Start = span.Start + codePoints, End = span.End + codePoints };
}
