using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// 分别 between two lists of one length pairs them item by item (「古拉蒂和布鲁诺则分别来自谷歌和苹果」: 古拉蒂 from 谷歌,
/// 布鲁诺 from 苹果), instead of every subject with every object.
/// </summary>
public static class RespectivePairs
{
    private const string Respectively = "分别";

    /// <summary>
    /// The pairs a match in <paramref name="slotted"/> asserts: item by item when 分别 stands between its lists, else every
    /// subject with every object. A match that begins at a later item of the subjects' list (布鲁诺 of 古拉蒂和布鲁诺) says
    /// nothing the match of the whole list does not.
    /// </summary>
    public static IEnumerable<(Mention Subject, Mention Object)> Of(string slotted, Match match, List<Mention> subjects, List<Mention> objects)
    {
        if (objects.Count > 1 && IsBetweenLists(match))
        {
            if (subjects.Count == objects.Count) return subjects.Zip(objects);
            if (match.Index > 0 && slotted[match.Index - 1] is '和' or '、' or '与' or '及') return [];
        }
        return subjects.SelectMany(s => objects.Select(o => (s, o)));
    }

    private static bool IsBetweenLists(Match match)
    {
        var subjects = match.Groups["s"];
        var objects = match.Groups["o"];
        if (!subjects.Success || !objects.Success) return false;
        var lastSubject = subjects.Captures[^1];
        var gapStart = lastSubject.Index + lastSubject.Length;
        var gapEnd = objects.Captures[0].Index;
        if (gapEnd <= gapStart) return false;
        return match.Value.AsSpan(gapStart - match.Index, gapEnd - gapStart).Contains(Respectively, StringComparison.Ordinal);
    }
}
