using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Output;

/// <summary>
/// Turns the finished document into the ontology's output: offsets in code points into the article as read,
/// one relation per (subject, type, object) with its best evidence, and a deal for every deal-type relation
/// (co-investors of one round in one sentence form one deal).
/// </summary>
public sealed class ResultBuilder(OntologySchema ontology)
{
    public ExtractionResult Build(Document document)
    {
        var offsets = new CodePointOffsets(document.Article.Text);
        var entities = document.Entities
            .Where(e => e.Mentions.Any(m => !m.IsAnaphor))
            .Select(e => new ExtractedEntity(
                e.Id, e.Type, e.Name, e.ChineseName,
                e.KnownNames.ToList(),
                e.Mentions.Where(m => !m.IsAnaphor).Select(m => Span(document, offsets, m.Range)).ToList()))
            .ToList();
        var relations = Deduplicate(document.Relations)
            .Select(r => new ExtractedRelation(r.Type, r.Subject.Id, r.Object.Id, r.Confidence, Span(document, offsets, r.Sentence.Range), r.Attributes))
            .ToList();
        return new ExtractionResult(Describe(document.Article), entities, relations, Deals(relations));
    }

    public static ArticleInfo Describe(Article article) =>
        new(article.Source, ArticleIdentity.ContentHash(article.Text), article.Title, article.Url, article.PublishedAt);

    private IEnumerable<RelationCandidate> Deduplicate(IEnumerable<RelationCandidate> relations)
    {
        var best = new Dictionary<(string, string, string), RelationCandidate>();
        foreach (var relation in relations)
        {
            var (subject, @object) = ontology.RelationType(relation.Type).Symmetric && string.CompareOrdinal(relation.Subject.Id, relation.Object.Id) > 0
                ? (relation.Object, relation.Subject)
                : (relation.Subject, relation.Object);
            var key = (relation.Type, subject.Id, @object.Id);
            var oriented = relation with { Subject = subject, Object = @object };
            best[key] = best.TryGetValue(key, out var existing) ? Better(existing, oriented) : oriented;
        }
        return best.Values.OrderBy(r => r.Sentence.Range.Start);
    }

    /// <summary>The surer relation wins; attributes it lacks are taken from the other.</summary>
    private static RelationCandidate Better(RelationCandidate a, RelationCandidate b)
    {
        var (winner, other) = b.Confidence > a.Confidence ? (b, a) : (a, b);
        return winner with { Attributes = winner.Attributes.FilledFrom(other.Attributes) };
    }

    private List<ExtractedDeal> Deals(IEnumerable<ExtractedRelation> relations) =>
        relations
            .Where(r => ontology.RelationType(r.Type).IsDeal)
            .GroupBy(r => (r.Type, r.Object, r.Evidence.Start))
            .Select(group =>
            {
                var roles = ontology.RelationType(group.Key.Type).Deal!;
                var first = group.OrderByDescending(r => r.Confidence).First();
                var parties = group.Select(r => new DealParty(r.Subject, roles.SubjectRole))
                    .Append(new DealParty(group.Key.Object, roles.ObjectRole))
                    .Distinct()
                    .ToList();
                var amount = group.Select(r => r.Attributes.Amount).FirstOrDefault(a => a is not null);
                return new ExtractedDeal(group.Key.Type, parties, amount,
                    amount is null ? null : group.First(r => r.Attributes.Amount is not null).Attributes.Currency,
                    group.Select(r => r.Attributes.Round).FirstOrDefault(r => r is not null),
                    group.Select(r => r.Attributes.Date).FirstOrDefault(d => d is not null),
                    group.Max(r => r.Confidence), first.Evidence);
            })
            .ToList();

    private static TextSpan Span(Document document, CodePointOffsets offsets, TextRange range)
    {
        var start = document.OriginalIndex[range.Start];
        var end = document.OriginalIndex[range.End - 1] + 1;
        if (end < document.Article.Text.Length && char.IsLowSurrogate(document.Article.Text[end])) end++;
        return new TextSpan(offsets.Of(start), offsets.Of(end), document.Article.Text[start..end]);
    }
}
