namespace KnowledgeGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>Entities given their search suffixes per request when the store is opened.</summary>
    private const int SuffixBackfillBatch = 2000;

    /// <summary>
    /// A store written before search suffixes existed (session 12), or one an older writer added entities to since, has
    /// entities without any, which a search would not find: they get them here, when the store is opened. Each request
    /// is one transaction and only entities still without suffixes are read, so a backfill cut short finishes at the
    /// next start; two processes opening the store at once may both add an entity's suffixes, which only repeats a
    /// candidate that the search's DISTINCT removes.
    /// </summary>
    private async Task AddMissingSearchSuffixesAsync(CancellationToken cancellationToken)
    {
        var missing = (await _cypher.RunAsync(new CypherStatement(Cypher.EntitiesWithoutSuffixes), cancellationToken)).Rows
            .Select(row => row[0].GetString()!).ToList();
        foreach (var chunk in missing.Chunk(SuffixBackfillBatch))
        {
            await _cypher.RunAsync(new CypherStatement(Cypher.AddSuffixes, Params([("ids", chunk), .. Cypher.SuffixRule])), cancellationToken);
        }
    }
}
