namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// The assertions a pattern opens with: lookarounds, and groups whose every alternative is made of lookarounds (the
/// macro @NOTPARTNER@). They match no text, so a slot right after them still begins every match, and the pattern can be
/// anchored there (<see cref="RelationPattern.OpeningKinds"/>) instead of tried at every character of the sentence.
/// </summary>
internal static class LeadingAssertions
{
    /// <summary>The length of the run of zero-width groups at the start of <paramref name="pattern"/>; 0 when none.</summary>
    public static int Length(string pattern)
    {
        var position = 0;
        while (position < pattern.Length && AssertionEnd(pattern, position) is var end and > 0) position = end;
        return position;
    }

    /// <summary>True when the whole text matches no characters: a run of assertions, or nothing.</summary>
    public static bool IsZeroWidth(string pattern) => Length(pattern) == pattern.Length;

    private static int AssertionEnd(string pattern, int start)
    {
        var span = pattern.AsSpan(start);
        if (!span.StartsWith("(?")) return 0;
        var end = GroupEnd(pattern, start);
        if (end < 0) return 0;
        if (span.StartsWith("(?=") || span.StartsWith("(?!") || span.StartsWith("(?<=") || span.StartsWith("(?<!")) return end;
        if (!span.StartsWith("(?:")) return 0;
        return Alternatives(pattern[(start + 3)..(end - 1)]).All(IsZeroWidth) ? end : 0;
    }

    /// <summary>The index after the parenthesis that closes the group opening at <paramref name="start"/>; -1 if none.</summary>
    private static int GroupEnd(string pattern, int start)
    {
        var depth = 0;
        for (var i = start; i < pattern.Length; i = Next(pattern, i))
        {
            if (pattern[i] == '(') depth++;
            else if (pattern[i] == ')' && --depth == 0) return i + 1;
        }
        return -1;
    }

    private static IEnumerable<string> Alternatives(string body)
    {
        var depth = 0;
        var from = 0;
        for (var i = 0; i < body.Length; i = Next(body, i))
        {
            if (body[i] == '(') depth++;
            else if (body[i] == ')') depth--;
            else if (body[i] == '|' && depth == 0)
            {
                yield return body[from..i];
                from = i + 1;
            }
        }
        yield return body[from..];
    }

    /// <summary>The next position to read: past an escaped character, or past a whole character class.</summary>
    private static int Next(string pattern, int i)
    {
        if (pattern[i] == '\\') return i + 2;
        if (pattern[i] != '[') return i + 1;
        for (var j = i + 1; j < pattern.Length; j++)
        {
            if (pattern[j] == '\\') j++;
            else if (pattern[j] == ']' && j > i + 1 && !(j == i + 2 && pattern[i + 1] == '^')) return j + 1;
        }
        return pattern.Length;
    }
}
