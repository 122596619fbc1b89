using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph;

public enum IngestStatus { Inserted, Unchanged, Replaced }

public sealed record IngestOutcome(string ArticleId, IngestStatus Status, int Entities, int Relations);

public sealed record GraphEntity(
    string Id,
    string Type,
    string Name,
    string? ChineseName,
    IReadOnlyList<string> Aliases,
    int Degree);

/// <summary>One edge per (subject, type, object) across all articles; symmetric types keep one direction.</summary>
public sealed record GraphRelation(
    string Id,
    string Type,
    string SubjectId,
    string ObjectId,
    double Confidence,
    RelationAttributes Attributes,
    string? FirstDate,
    string? LastDate,
    int EvidenceCount);

public sealed record Evidence(
    string RelationId,
    string ArticleId,
    string? ArticleTitle,
    DateTime? PublishedAt,
    TextSpan Sentence,
    double Confidence);

public sealed record GraphDeal(
    string Id,
    string Kind,
    IReadOnlyList<DealParty> Parties,
    decimal? Amount,
    string? Currency,
    string? Round,
    string? Date,
    double Confidence,
    string ArticleId,
    TextSpan Evidence);

public sealed record GraphArticle(
    string Id,
    string Source,
    string ContentHash,
    string? Title,
    string? Url,
    DateTime? PublishedAt,
    int EntityCount,
    int RelationCount);

public sealed record Neighbourhood(IReadOnlyList<GraphEntity> Nodes, IReadOnlyList<GraphRelation> Edges, bool Truncated);

public sealed record GraphPath(IReadOnlyList<GraphEntity> Nodes, IReadOnlyList<GraphRelation> Edges);

public sealed record TimelineEvent(string? Date, string ArticleId, string? ArticleTitle, GraphRelation? Relation);

public sealed record TypeCount(string Type, long Count);

public sealed record GraphStats(
    long Articles,
    long Deals,
    IReadOnlyList<TypeCount> EntitiesByType,
    IReadOnlyList<TypeCount> RelationsByType,
    IReadOnlyList<GraphEntity> MostConnected);
