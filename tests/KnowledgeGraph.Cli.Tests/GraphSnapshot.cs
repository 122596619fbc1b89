using System.Globalization;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Sqlite;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>Everything a store holds, as sorted lines, so two stores can be compared for equality.</summary>
public static class GraphSnapshot
{
    public static async Task<IReadOnlyList<string>> OfSqliteAsync(string databasePath)
    {
        await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = databasePath });
        await store.InitializeAsync();
        var lines = new List<string>();
        await foreach (var e in AllAsync<GraphEntity>((page, ct) => store.SearchEntitiesAsync(new EntitySearch(), page, ct)))
            lines.Add($"entity {e.Id} {e.Type} {e.Name} {e.ChineseName} [{string.Join('|', e.Aliases.Order(StringComparer.Ordinal))}] degree={e.Degree}");
        await foreach (var r in AllAsync<GraphRelation>((page, ct) => store.FindRelationsAsync(new RelationFilter(), page, ct)))
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"relation {r.Type} {r.SubjectId} {r.ObjectId} {r.Confidence:F4} {r.Attributes} {r.FirstDate} {r.LastDate} evidence={r.EvidenceCount}"));
        await foreach (var d in AllAsync<GraphDeal>((page, ct) => store.FindDealsAsync(new DealFilter(), page, ct)))
            lines.Add($"deal {d.Kind} {d.Amount} {d.Currency} {d.Date} {d.ArticleId} {string.Join('|', d.Parties.Select(p => p.EntityId + ":" + p.Role))}");
        await foreach (var a in AllAsync<GraphArticle>((page, ct) => store.FindArticlesAsync(new ArticleFilter(), page, ct)))
            lines.Add($"article {a.Id} {a.ContentHash} {a.Title} entities={a.EntityCount} relations={a.RelationCount}");
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async IAsyncEnumerable<T> AllAsync<T>(Func<PageRequest, CancellationToken, Task<Page<T>>> fetch)
    {
        string? after = null;
        while (true)
        {
            var page = await fetch(new PageRequest(PageRequest.MaxPageSize, after), CancellationToken.None);
            foreach (var item in page.Items) yield return item.Node;
            if (!page.HasNextPage) yield break;
            after = page.EndCursor;
        }
    }
}
