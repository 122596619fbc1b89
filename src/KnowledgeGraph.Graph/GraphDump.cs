using System.Globalization;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Graph;

/// <summary>
/// Everything a store holds, read through the port alone and written as sorted lines: entities with their aliases,
/// relations with every evidence, deals and articles. Two stores hold the same graph exactly when their dumps are
/// equal, whichever adapter each one is, so fault and concurrency tests compare a disturbed run with a calm one.
/// </summary>
public static class GraphDump
{
    public static async Task<IReadOnlyList<string>> CanonicalAsync(IGraphStore store, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        await foreach (var e in AllAsync<GraphEntity>((page, ct) => store.SearchEntitiesAsync(new EntitySearch(), page, ct), cancellationToken))
            lines.Add($"entity {e.Id} {e.Type} {e.Name} {e.ChineseName} [{Joined(e.Aliases)}] degree={e.Degree}");

        var relations = new List<GraphRelation>();
        await foreach (var r in AllAsync<GraphRelation>((page, ct) => store.FindRelationsAsync(new RelationFilter(), page, ct), cancellationToken))
            relations.Add(r);
        foreach (var r in relations)
            lines.Add(Invariant($"relation {r.Id} {r.Type} {r.SubjectId} {r.ObjectId} {r.Confidence:F4} {r.Attributes} {r.FirstDate} {r.LastDate} evidence={r.EvidenceCount}"));
        foreach (var chunk in relations.Select(r => r.Id).Chunk(PageRequest.MaxPageSize))
        {
            foreach (var ev in await store.GetEvidenceAsync(chunk, cancellationToken))
                lines.Add(Invariant($"evidence {ev.RelationId} {ev.ArticleId} {ev.Sentence.Start}-{ev.Sentence.End} {ev.Confidence:F4} {ev.Sentence.Text}"));
        }

        await foreach (var d in AllAsync<GraphDeal>((page, ct) => store.FindDealsAsync(new DealFilter(), page, ct), cancellationToken))
            lines.Add(Invariant($"deal {d.ArticleId} {d.Kind} [{Joined(d.Parties.Select(p => p.EntityId + ":" + p.Role))}] {d.Amount} {d.Currency} {d.Round} {d.Date} {d.Confidence:F4} {d.Evidence.Start}-{d.Evidence.End}"));
        await foreach (var a in AllAsync<GraphArticle>((page, ct) => store.FindArticlesAsync(new ArticleFilter(), page, ct), cancellationToken))
            lines.Add(Invariant($"article {a.Id} {a.ContentHash} {a.Source} {a.Title} {a.Url} {a.PublishedAt:O} entities={a.EntityCount} relations={a.RelationCount}"));

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Joined(IEnumerable<string> values) => string.Join('|', values.Order(StringComparer.Ordinal));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static async IAsyncEnumerable<T> AllAsync<T>(Func<PageRequest, CancellationToken, Task<Page<T>>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await fetch(new PageRequest(PageRequest.MaxPageSize, after), cancellationToken);
            foreach (var item in page.Items) yield return item.Node;
            if (!page.HasNextPage) yield break;
            after = page.EndCursor;
        }
    }
}
