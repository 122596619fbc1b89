using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Opaque keyset cursors: base64url of a JSON array whose first element names the list, followed by the sort key
/// of the last item seen. A cursor of another list or of another shape is refused.
/// </summary>
internal static class PageCursor
{
    public static string Encode(string list, params object[] key)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new object[] { list }.Concat(key).ToArray());
        return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The sort key after the list name, or null for the first page.</summary>
    public static JsonElement[]? Decode(string list, string? cursor, int keyLength)
    {
        if (cursor is null) return null;
        JsonElement[] parts;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            parts = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray()
                : [];
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw Bad(cursor);
        }
        if (parts.Length != keyLength + 1 || parts[0].ValueKind != JsonValueKind.String || parts[0].GetString() != list)
            throw Bad(cursor);
        return parts[1..];
    }

    public static string KeyString(JsonElement[] key, int index, string cursor) =>
        key[index].ValueKind == JsonValueKind.String ? key[index].GetString()! : throw Bad(cursor);

    public static int KeyInt(JsonElement[] key, int index, string cursor) =>
        key[index].ValueKind == JsonValueKind.Number && key[index].TryGetInt32(out var value) ? value : throw Bad(cursor);

    public static void CheckSize(PageRequest page)
    {
        if (page.First < 1 || page.First > PageRequest.MaxPageSize)
            throw new GraphQueryException("INVALID_ARGUMENT", $"page size {page.First} is outside 1..{PageRequest.MaxPageSize}");
    }

    private static GraphQueryException Bad(string cursor) =>
        new("BAD_CURSOR", $"the cursor '{(cursor.Length > 40 ? cursor[..40] + "…" : cursor)}' is not a cursor of this list");
}
