using System.Text.RegularExpressions;

namespace KnowledgeGraph.Extraction.Normalisation;

/// <summary>
/// The number, bullet or label that opens an item of a list or round-up (1. 、2、、一、、（三）、①、•、【融资】): it belongs to no sentence,
/// so the item's first name opens its sentence as it would in prose (「3. 墨羽机器人获得1.5亿元B轮融资」).
/// </summary>
public static partial class ListItemMarker
{
    /// <summary>A number is a marker only when no digit follows its point (「1.5亿元」 opens no item).</summary>
    [GeneratedRegex(@"\G[ \t]*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:[、．]|\.(?!\d)|[)）])|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[①-⑳]|【[^】\n]{1,6}】|[·•▪▶■◆●\-*])[ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    /// <summary>The length of the marker opening the line at <paramref name="lineStart"/>, or 0.</summary>
    public static int LengthAt(string text, int lineStart)
    {
        if (lineStart >= text.Length) return 0;
        var match = Marker().Match(text, lineStart);
        return match.Success ? match.Length : 0;
    }

    public static bool StartsAt(string text, int lineStart) => LengthAt(text, lineStart) > 0;
}
