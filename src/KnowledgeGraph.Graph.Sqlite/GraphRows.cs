using KnowledgeGraph.Model;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>Column lists and readers shared by every query, so a row is read the same way everywhere.</summary>
internal static class GraphRows
{
    public const string RelationColumns =
        "r.id, r.type, r.subject_id, r.object_id, r.confidence, r.role, r.amount, r.currency, r.round, r.lead, r.attr_date, " +
        "r.product, r.first_date, r.last_date, r.evidence_count";

    public static GraphRelation ReadRelation(SqliteDataReader reader, int offset = 0) => new(
        reader.GetString(offset),
        reader.GetString(offset + 1),
        reader.GetString(offset + 2),
        reader.GetString(offset + 3),
        reader.GetDouble(offset + 4),
        new RelationAttributes(
            Role: reader.GetNullableString(offset + 5),
            Amount: reader.GetNullableDecimal(offset + 6),
            Currency: reader.GetNullableString(offset + 7),
            Round: reader.GetNullableString(offset + 8),
            Lead: reader.GetNullableBool(offset + 9),
            Date: reader.GetNullableString(offset + 10),
            Product: reader.GetNullableString(offset + 11)),
        reader.GetNullableString(offset + 12),
        reader.GetNullableString(offset + 13),
        reader.GetInt32(offset + 14));

    public const string ArticleColumns =
        "a.id, a.source, a.content_hash, a.title, a.url, a.published_at, a.entity_count, a.relation_count, a.published_key";

    public static GraphArticle ReadArticle(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetNullableString(3),
        reader.GetNullableString(4),
        ParsePublished(reader.GetNullableString(5)),
        reader.GetInt32(6),
        reader.GetInt32(7));

    public static DateTime? ParsePublished(string? stored) =>
        stored is null ? null : DateTime.Parse(stored, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind);
}
