namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>What discovery found: the version and the endpoint that runs a whole transaction in one request.</summary>
public sealed record Neo4jServer(string Version, Uri CommitEndpoint)
{
    public int Major => int.TryParse(Version.Split('.')[0], out var major) ? major : 0;

    public int Minor => Version.Split('.') is { Length: > 1 } parts && int.TryParse(parts[1], out var minor) ? minor : 0;

    /// <summary>4.4 introduced FOR … REQUIRE and IF NOT EXISTS for all schema commands; 5.x accepts nothing older.</summary>
    public bool UsesModernSchemaSyntax => Major > 4 || (Major == 4 && Minor >= 4);
}
