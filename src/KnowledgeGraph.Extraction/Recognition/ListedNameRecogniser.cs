using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Unknown names in a list of organizations (达泰资本、鸿福厚德、智谱AI; 百度风投、卓源亚洲跟投): a short run of
/// name-like words between a listed organization and the next one, or the list's closing word, is an organization.
/// Runs after the mentions are selected, so the gap it looks at is text no other name covers.
/// </summary>
public sealed class ListedNameRecogniser(RecognitionData data, LanguageResources resources) : IPipelineStage
{
    private static readonly string[] Joiners = ["以及", "、", "和", "与", "及"];

    private readonly IReadOnlyList<string> _listClosers = resources.Lines("recognition/list-closers.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    private const int MinNameLength = 2;
    private const int MaxNameLength = 6;
    private const double ListedConfidence = 0.6;

    public void Process(Document document)
    {
        var text = document.Text;
        var added = new List<Mention>();
        var mentions = document.Mentions;
        for (var i = 0; i < mentions.Count; i++)
        {
            var listed = mentions[i];
            if (listed.Type != "Organization" || listed.IsAnaphor || listed.Sentence < 0) continue;
            var sentence = document.Sentences[listed.Sentence];
            var start = AfterJoiner(text, listed.Range.End);
            if (start < 0) continue;
            var limit = Math.Min(sentence.Range.End, i + 1 < mentions.Count ? mentions[i + 1].Range.Start : sentence.Range.End);
            var end = start;
            while (end < limit && end - start <= MaxNameLength && IsHan(text[end]) && !ClosesName(text, end, i + 1 < mentions.Count ? mentions[i + 1] : null)) end++;
            if (end - start is < MinNameLength or > MaxNameLength) continue;
            var nextIsOrganization = i + 1 < mentions.Count && mentions[i + 1].Type == "Organization" && AfterJoiner(text, end) == mentions[i + 1].Range.Start;
            if (!nextIsOrganization && !_listClosers.Any(c => string.CompareOrdinal(text, end, c, 0, c.Length) == 0)) continue;
            if (!LooksLikeAName(document, sentence, start, end)) continue;
            added.Add(new Mention(new TextRange(start, end), text[start..end], "Organization", MentionSource.Pattern, ListedConfidence) { Sentence = sentence.Index });
        }
        if (added.Count == 0) return;
        mentions.AddRange(added);
        mentions.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
    }

    /// <summary>Where the next item of a list starts after <paramref name="end"/>, or -1 when no joiner follows.</summary>
    private static int AfterJoiner(string text, int end)
    {
        foreach (var joiner in Joiners)
        {
            if (string.CompareOrdinal(text, end, joiner, 0, joiner.Length) == 0) return end + joiner.Length;
        }
        return -1;
    }

    /// <summary>A joiner or a list's closing word ends the name; so does the next name found.</summary>
    private bool ClosesName(string text, int position, Mention? next) =>
        next is not null && position >= next.Range.Start || AfterJoiner(text, position) >= 0
        || _listClosers.Any(c => string.CompareOrdinal(text, position, c, 0, c.Length) == 0);

    /// <summary>
    /// Words that make up names: proper nouns, nouns and words the segmenter did not know, none of them generic
    /// (投资者, 其他) nor a single place (北京、上海 are places, not investors).
    /// </summary>
    private bool LooksLikeAName(Document document, Sentence sentence, int start, int end)
    {
        var tokens = document.TokensOf(sentence).Where(t => t.Range.Start >= start && t.Range.End <= end).ToList();
        if (tokens.Count == 0 || tokens[0].Range.Start != start || tokens[^1].Range.End != end) return false;
        if (tokens.Count == 1 && tokens[0].InDictionary && tokens[0].Tag is "ns" or "n") return false;
        if (PersonNameRecogniser.StopCharacters.Contains(document.Text[start]) || data.IsGeneric(document.Slice(start, end))) return false;
        return tokens.All(t => !data.IsGeneric(t.Text) && (!t.InDictionary || t.Tag is "n" or "nz" or "nr" or "nrt" or "nrfg" or "ns" or "nt" or "j" or "x" or "i" or "l" or "ng" or "b"));
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
