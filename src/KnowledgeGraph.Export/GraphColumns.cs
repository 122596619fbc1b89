using System.Globalization;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Export;

/// <summary>The attributes every format writes for a node and an edge, in one order, as invariant strings (null when absent).</summary>
public static class GraphColumns
{
    public static readonly string[] Node = ["id", "type", "name", "chineseName", "aliases", "degree"];

    public static readonly string[] Edge =
        ["id", "source", "target", "type", "confidence", "role", "amount", "currency", "round", "lead", "date", "product", "firstDate", "lastDate", "evidenceCount"];

    /// <summary>Aliases are joined with this; it does not occur in names.</summary>
    public const char AliasSeparator = '|';

    public static string?[] NodeValues(GraphEntity node) =>
    [
        node.Id, node.Type, node.Name, node.ChineseName,
        node.Aliases.Count == 0 ? null : string.Join(AliasSeparator, node.Aliases),
        node.Degree.ToString(CultureInfo.InvariantCulture),
    ];

    public static string?[] EdgeValues(GraphRelation edge) =>
    [
        edge.Id, edge.SubjectId, edge.ObjectId, edge.Type,
        edge.Confidence.ToString("R", CultureInfo.InvariantCulture),
        edge.Attributes.Role,
        edge.Attributes.Amount?.ToString(CultureInfo.InvariantCulture),
        edge.Attributes.Currency,
        edge.Attributes.Round,
        edge.Attributes.Lead is { } lead ? (lead ? "true" : "false") : null,
        edge.Attributes.Date,
        edge.Attributes.Product,
        edge.FirstDate,
        edge.LastDate,
        edge.EvidenceCount.ToString(CultureInfo.InvariantCulture),
    ];
}
