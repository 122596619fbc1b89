namespace KnowledgeGraph.Graph;

public enum Direction { Outgoing, Incoming, Both }

/// <summary>Forward paging: at most <see cref="First"/> items after the opaque cursor <see cref="After"/>.</summary>
public sealed record PageRequest(int First = 50, string? After = null)
{
    public const int MaxPageSize = 500;
}

public sealed record PageItem<T>(string Cursor, T Node);

public sealed record Page<T>(IReadOnlyList<PageItem<T>> Items, bool HasNextPage, long TotalCount)
{
    public string? EndCursor => Items.Count == 0 ? null : Items[^1].Cursor;
}

public sealed record EntitySearch(string? Text = null, IReadOnlyCollection<string>? Types = null);

public sealed record NeighbourhoodQuery(
    string EntityId,
    int Depth = 1,
    Direction Direction = Direction.Both,
    IReadOnlyCollection<string>? RelationTypes = null,
    int Limit = 200);

public sealed record RelationFilter(
    IReadOnlyCollection<string>? Types = null,
    IReadOnlyCollection<string>? EntityIds = null,
    Direction Direction = Direction.Both,
    string? From = null,
    string? To = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null,
    double? MinConfidence = null);

public sealed record DealFilter(
    IReadOnlyCollection<string>? Kinds = null,
    IReadOnlyCollection<string>? PartyIds = null,
    string? From = null,
    string? To = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null,
    double? MinConfidence = null);

public sealed record ArticleFilter(string? EntityId = null, DateTime? PublishedFrom = null, DateTime? PublishedTo = null);

/// <summary>A request the store refuses: unknown id, bad cursor, out-of-range argument. The message names the problem.</summary>
public sealed class GraphQueryException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
