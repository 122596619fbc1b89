using System.Buffers;
using System.Text.Json;

namespace KnowledgeGraph.Api.Http;

/// <summary>Judges a query's UTF-8 text before the request is deserialised; refuses by throwing.</summary>
internal delegate void QueryScreen(ReadOnlySpan<byte> utf8Query);

/// <summary>
/// Checks the top level of a JSON request before it is deserialised, so that a wrong member type is refused with its
/// name ("'variables' must be a JSON object, found String") rather than the serialiser's generic conversion error,
/// and hands every 'query' member's text to a screen while it is still bytes: a flood is refused before the body
/// becomes strings or a tree.
/// </summary>
internal static class RequestShape
{
    private static readonly Dictionary<string, JsonTokenType[]> Members = new()
    {
        ["query"] = [JsonTokenType.String, JsonTokenType.Null],
        ["operationName"] = [JsonTokenType.String, JsonTokenType.Null],
        ["variables"] = [JsonTokenType.StartObject, JsonTokenType.Null],
        ["extensions"] = [JsonTokenType.StartObject, JsonTokenType.Null],
    };

    /// <summary>The problem with the request's shape, or null when the serialiser may have it.</summary>
    public static string? Problem(ReadOnlySpan<byte> body, QueryScreen screen)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
                return null;
            if (reader.TokenType != JsonTokenType.StartObject)
                return $"the body must be a JSON object with a 'query', found {Describe(reader.TokenType)}";
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isQuery = reader.ValueTextEquals("query"u8);
                var name = isQuery ? "query" : reader.GetString()!;
                reader.Read();
                if (Members.TryGetValue(name, out var allowed) && !allowed.Contains(reader.TokenType))
                    return $"'{name}' must be {Describe(allowed[0])}, found {Describe(reader.TokenType)}";
                if (isQuery && reader.TokenType == JsonTokenType.String)
                    Screen(ref reader, screen);
                reader.Skip();
            }
            return null;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Malformed JSON or text that is not UTF-8 or UTF-16: the serialiser reports it, with its position.
            return null;
        }
    }

    /// <summary>Hands the string's unescaped bytes to the screen; only escaped text needs a (pooled) copy.</summary>
    private static void Screen(ref Utf8JsonReader reader, QueryScreen screen)
    {
        if (!reader.ValueIsEscaped)
        {
            screen(reader.ValueSpan);
            return;
        }
        var unescaped = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            screen(unescaped.AsSpan(0, reader.CopyString(unescaped)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(unescaped);
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "a JSON object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
