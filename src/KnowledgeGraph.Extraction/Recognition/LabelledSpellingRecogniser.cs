using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Another spelling of a name, introduced in brackets by a label (Vantis Robotics（中文名：万象机器人）,
/// 澄曜半导体（英文名Chengyao Semiconductor）): the label says it is a name of the same thing, so it is one of
/// the same type even when nothing in its shape says so. Labels are in resolution/spelling-labels.txt; the
/// resolver joins the two spellings into one entity.
/// </summary>
public sealed class LabelledSpellingRecogniser(IReadOnlyCollection<string> labels) : IPipelineStage
{
    private readonly IReadOnlyList<string> _labels = labels.Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    private const int MinNameLength = 2;
    private const int MaxNameLength = 40;
    private const double LabelledConfidence = 0.75;

    public void Process(Document document)
    {
        var text = document.Text;
        var spans = new MentionSpans(document.Mentions);
        foreach (var named in document.Mentions.Where(m => !m.IsAnaphor && m.Sentence >= 0).ToList())
        {
            if (LabelledName(text, named.Range.End) is not { } name || spans.Overlapping(name).Count > 0) continue;
            var mention = new Mention(name, text[name.Start..name.End], named.Type, MentionSource.Pattern, LabelledConfidence) { Sentence = named.Sentence };
            document.Mentions.Add(mention);
            spans.Add(mention);
        }
        document.Mentions.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
    }

    /// <summary>Where the name after a bracket and a label that open at <paramref name="at"/> stands, or null.</summary>
    public TextRange? LabelledName(string text, int at)
    {
        if (SpellingStart(text, at) is not { } start) return null;
        var end = start;
        while (end < text.Length && end - start <= MaxNameLength && !ClosesName(text[end])) end++;
        while (end > start && text[end - 1] == ' ') end--;
        return end - start is >= MinNameLength and <= MaxNameLength && end < text.Length && ClosesName(text[end]) ? new TextRange(start, end) : null;
    }

    /// <summary>Where the spelling starts after a bracket and a label at <paramref name="at"/> (（英文名：), or null without them.</summary>
    public int? SpellingStart(string text, int at)
    {
        if (at >= text.Length || text[at] is not ('（' or '(')) return null;
        var label = RecognitionData.MatchStartingAt(_labels, text, at + 1, text.Length);
        if (label is null) return null;
        var start = at + 1 + label.Length;
        if (start < text.Length && text[start] == '为') start++;
        while (start < text.Length && text[start] is '：' or ':' or ' ' or '“' or '"' or '「') start++;
        return start;
    }

    private static bool ClosesName(char c) => c is '）' or ')' or '，' or ',' or '；' or ';' or '”' or '"' or '」' or '。' or '\n';
}
