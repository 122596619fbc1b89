namespace KnowledgeGraph.Model;

/// <summary>A stretch of the article text; offsets are Unicode code points into the text as read.</summary>
public sealed record TextSpan(int Start, int End, string Text);

public sealed record ArticleInfo(
    string Source,
    string ContentHash,
    string? Title,
    string? Url,
    DateTime? PublishedAt);

public sealed record ExtractedEntity(
    string Id,
    string Type,
    string Name,
    string? ChineseName,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<TextSpan> Mentions);

public sealed record RelationAttributes(
    string? Role = null,
    decimal? Amount = null,
    string? Currency = null,
    string? Round = null,
    bool? Lead = null,
    string? Date = null,
    string? Product = null)
{
    public static RelationAttributes None { get; } = new();

    /// <summary>These attributes, with any they lack taken from <paramref name="other"/>; the currency follows the amount.</summary>
    public RelationAttributes FilledFrom(RelationAttributes other) =>
        new(Role ?? other.Role, Amount ?? other.Amount, Amount is null ? other.Currency : Currency,
            Round ?? other.Round, Lead ?? other.Lead, Date ?? other.Date, Product ?? other.Product);
}

public sealed record ExtractedRelation(
    string Type,
    string Subject,
    string Object,
    double Confidence,
    TextSpan Evidence,
    RelationAttributes Attributes);

public sealed record DealParty(string EntityId, string Role);

/// <summary>A deal-type relation seen as an event: who took part in which role, for how much, when.</summary>
public sealed record ExtractedDeal(
    string Kind,
    IReadOnlyList<DealParty> Parties,
    decimal? Amount,
    string? Currency,
    string? Round,
    string? Date,
    double Confidence,
    TextSpan Evidence);

/// <summary>Everything one article says, ready for output or for the graph.</summary>
public sealed record ExtractionResult(
    ArticleInfo Article,
    IReadOnlyList<ExtractedEntity> Entities,
    IReadOnlyList<ExtractedRelation> Relations,
    IReadOnlyList<ExtractedDeal> Deals);
