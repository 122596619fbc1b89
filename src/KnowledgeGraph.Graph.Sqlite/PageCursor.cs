using System.Buffers.Text;
using System.Text.Json;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// Opaque cursors: base64url of a JSON array holding the list's name and the sort key of the last item returned.
/// The list name makes a cursor of one list useless for another instead of silently wrong.
/// </summary>
internal static class PageCursor
{
    public static string Encode(string list, params object[] key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes((object[])[list, .. key]));

    public static JsonElement[]? Decode(string? cursor, string list, params JsonValueKind[] keyKinds)
    {
        if (cursor is null) return null;
        JsonElement[]? parts = null;
        try
        {
            parts = JsonSerializer.Deserialize<JsonElement[]>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Bad(cursor, "it is not a cursor this store issued");
        }
        if (parts is null || parts.Length != keyKinds.Length + 1 || parts[0].ValueKind != JsonValueKind.String)
            throw Bad(cursor, "it is not a cursor this store issued");
        if (parts[0].GetString() != list)
            throw Bad(cursor, $"it belongs to the {parts[0].GetString()} list, not to {list}");
        for (var i = 0; i < keyKinds.Length; i++)
        {
            if (parts[i + 1].ValueKind != keyKinds[i]) throw Bad(cursor, "its sort key is malformed");
        }
        return parts[1..];
    }

    public static void CheckPageSize(PageRequest page)
    {
        if (page.First < 1 || page.First > PageRequest.MaxPageSize)
            throw new GraphQueryException("BAD_ARGUMENT", $"page size {page.First} is outside 1..{PageRequest.MaxPageSize}");
    }

    private static GraphQueryException Bad(string cursor, string why)
    {
        var shown = cursor.Length > 40 ? cursor[..40] + "…" : cursor;
        return new GraphQueryException("BAD_CURSOR", $"cursor '{shown}' is not valid here: {why}");
    }
}
