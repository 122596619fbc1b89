namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// The words a regular expression cannot match without: letters written plainly at its top level (领投 in
/// <c>…~领投了?~…</c>) and top-level groups of plain alternatives (<c>(?:许可|授权)</c>), neither of them optional.
/// Each entry is a set of alternatives one of which must occur in the matched text. Anything the reading is not
/// sure of (classes, escapes, nested groups, inline options) is left out, so a text without them cannot match.
/// </summary>
public static class RequiredWords
{
    public static IReadOnlyList<string[]> Of(string pattern)
    {
        if (pattern.Contains("(?i", StringComparison.Ordinal)) return [];
        var required = new List<string[]>();
        var run = new System.Text.StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (char.IsLetterOrDigit(c))
            {
                run.Append(c);
                i++;
                continue;
            }
            // A quantifier that may repeat zero times applies to the last letter of the run only.
            if (c is '?' or '*' or '{' && run.Length > 0) run.Length--;
            EndRun(run, required);
            switch (c)
            {
                case '|':
                    return [];
                case '\\':
                    i = AfterEscape(pattern, i);
                    break;
                case '[':
                    i = AfterClass(pattern, i);
                    break;
                case '{':
                    var close = pattern.IndexOf('}', i);
                    i = close < 0 ? i + 1 : close + 1;
                    break;
                case '(':
                    var end = AfterGroup(pattern, i);
                    if (end < 0) return [];
                    if (!IsOptional(pattern, end) && PlainAlternatives(pattern, i, end) is { } words) required.Add(words);
                    i = end;
                    break;
                default:
                    i++;
                    break;
            }
        }
        EndRun(run, required);
        return required;
    }

    private static void EndRun(System.Text.StringBuilder run, List<string[]> required)
    {
        if (run.Length > 0) required.Add([run.ToString()]);
        run.Clear();
    }

    private static bool IsOptional(string pattern, int afterGroup) =>
        afterGroup < pattern.Length && (pattern[afterGroup] is '?' or '*' || pattern[afterGroup] == '{');

    /// <summary>The words of a group written <c>(?:word|word)</c> with letters only, or null for any other group.</summary>
    private static string[]? PlainAlternatives(string pattern, int open, int afterGroup)
    {
        if (!pattern.AsSpan(open).StartsWith("(?:", StringComparison.Ordinal)) return null;
        var words = pattern[(open + 3)..(afterGroup - 1)].Split('|');
        return words.All(w => w.Length > 0 && w.All(char.IsLetterOrDigit)) ? words : null;
    }

    /// <summary>
    /// Past an escape and the letters and digits right after it (\u4E00, \12, \p{L}'s name), which belong to it or
    /// may; a named back-reference (\k&lt;name&gt;) up to its closing bracket.
    /// </summary>
    private static int AfterEscape(string pattern, int backslash)
    {
        var i = backslash + 2;
        if (i - 1 < pattern.Length && pattern[i - 1] == 'k' && i < pattern.Length && pattern[i] is '<' or '\'')
        {
            var close = pattern.IndexOfAny(['>', '\''], i + 1);
            return close < 0 ? pattern.Length : close + 1;
        }
        while (i < pattern.Length && char.IsLetterOrDigit(pattern[i])) i++;
        return i;
    }

    private static int AfterClass(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^') i++;
        if (i < pattern.Length && pattern[i] == ']') i++;
        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\') i++;
            else if (pattern[i] == ']') return i + 1;
        }
        return pattern.Length;
    }

    /// <summary>The index after the parenthesis closing the group that opens at <paramref name="open"/>, or -1.</summary>
    private static int AfterGroup(string pattern, int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = AfterClass(pattern, i) - 1;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0) return i + 1;
                    break;
            }
        }
        return -1;
    }
}
