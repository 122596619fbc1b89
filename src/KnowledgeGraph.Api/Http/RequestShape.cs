using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// Checks the top level of a JSON request before it is deserialised, so that a wrong member type is refused with its
/// name ("'variables' must be a JSON object, found String") rather than the serialiser's generic conversion error.
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
    public static string? Problem(string body)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
                return null;
            if (reader.TokenType != JsonTokenType.StartObject)
                return $"the body must be a JSON object with a 'query', found {Describe(reader.TokenType)}";
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (Members.TryGetValue(name, out var allowed) && !allowed.Contains(reader.TokenType))
                    return $"'{name}' must be {Describe(allowed[0])}, found {Describe(reader.TokenType)}";
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            // Malformed JSON: the serialiser reports it with its position.
            return null;
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
