using System.Globalization;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>The maps the read statements return, and how each becomes a record of the port.</summary>
internal sealed record EntityRow(string Id, string Type, string Name, string? ChineseName, List<string>? Aliases, int? Degree)
{
    public GraphEntity ToEntity() => new(Id, Type, Name, ChineseName, Aliases ?? [], Degree ?? 0);
}

internal sealed record RelationRow(
    string Id, string Type, string SubjectId, string ObjectId, double? Confidence,
    string? Role, double? Amount, string? Currency, string? Round, bool? Lead, string? Date, string? Product,
    string? FirstDate, string? LastDate, int? EvidenceCount)
{
    public GraphRelation ToRelation() => new(
        Id, Type, SubjectId, ObjectId, Confidence ?? 0,
        new RelationAttributes(Role, Rows.Decimal(Amount), Currency, Round, Lead, Date, Product),
        FirstDate, LastDate, EvidenceCount ?? 0);
}

internal sealed record DealRow(
    string Id, string Kind, List<string> PartyIds, List<string> PartyRoles, double? Amount, string? Currency, string? Round,
    string? Date, double Confidence, string ArticleId, int SentenceStart, int SentenceEnd, string? Sentence)
{
    public GraphDeal ToDeal() => new(
        Id, Kind, PartyIds.Zip(PartyRoles, (id, role) => new DealParty(id, role)).ToList(),
        Rows.Decimal(Amount), Currency, Round, Date, Confidence, ArticleId, new TextSpan(SentenceStart, SentenceEnd, Sentence ?? ""));
}

internal sealed record ArticleRow(
    string Id, string Source, string ContentHash, string? Title, string? Url, string? PublishedAt, int? EntityCount, int? RelationCount)
{
    public GraphArticle ToArticle() =>
        new(Id, Source, ContentHash, Title, Url, Rows.Time(PublishedAt), EntityCount ?? 0, RelationCount ?? 0);
}

internal sealed record EvidenceRow(
    string RelationId, string ArticleId, string? ArticleTitle, string? PublishedAt,
    int SentenceStart, int SentenceEnd, string? Sentence, double Confidence)
{
    public Evidence ToEvidence() => new(RelationId, ArticleId, ArticleTitle, Rows.Time(PublishedAt),
        new TextSpan(SentenceStart, SentenceEnd, Sentence ?? ""), Confidence);
}

internal sealed record RankedEntityRow(int Rank, EntityRow Entity);

internal sealed record HopRow(string From, RelationRow Relation);

/// <summary>An edge of <see cref="From"/>; <see cref="Degree"/> is the stored degree of the entity at its other end.</summary>
internal sealed record OrderedHopRow(int Position, string From, int? Degree, RelationRow Relation);

internal sealed record TimelineRow(string? Date, string ArticleId, string? ArticleTitle, RelationRow? Relation);

internal sealed record TypeCountRow(string Type, long Count);

internal sealed record ArticleHashRow(string Id, string ContentHash);

internal sealed record MergeRow(string Id, string Into);

internal sealed record EdgeRow(string Id, string Type, string SubjectId, string ObjectId);

internal sealed record NamesRow(string Id, string Name, string? ChineseName, List<string>? Aliases, List<string>? Keys, List<string>? NameKeys);

internal static class Rows
{
    public static decimal? Decimal(double? value) => value is null ? null : (decimal)value.Value;

    public static DateTime? Time(string? text) =>
        text is null ? null : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
