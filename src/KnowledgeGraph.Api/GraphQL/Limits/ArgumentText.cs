using System.Text;

namespace KnowledgeGraph.Api.GraphQL.Limits;

/// <summary>
/// What text the API accepts in arguments: no control characters but tab and line breaks, no unpaired surrogates
/// (they cannot be stored as UTF-8 without loss), and names, ids, titles and search terms of bounded length. Article
/// bodies are bounded by the request size instead.
/// </summary>
public static class ArgumentText
{
    /// <summary>The refusal for <paramref name="value"/>, or null when it is acceptable.</summary>
    public static string? Problem(string value, string path, int? maxLength)
    {
        if (maxLength is { } max && value.Length > max)
            return $"{path} is {value.Length} characters long; at most {max} are accepted.";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return $"{path} holds an unpaired surrogate (U+{(int)c:X4}) at index {i}; send well-formed Unicode.";
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return $"{path} holds a control character (U+{(int)c:X4}) at index {i}.";
        }
        return null;
    }

    public static void Check(string? value, string path, int? maxLength)
    {
        if (value is not null && Problem(value, path, maxLength) is { } problem)
            throw GraphErrors.Error(GraphErrors.InvalidArgument, problem);
    }
}
