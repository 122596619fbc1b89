using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Unknown names in a list of organizations (达泰资本、鸿福厚德、智谱AI; 百度风投、卓源亚洲跟投): a short run of
/// name-like words between a listed organization and the next one, or the list's closing word, is an organization;
/// so is the list's first item, before a listed organization, when the clause opens the list there and a closing
/// word ends it (达晨财智、深创投…等机构跟投). A longer run that ends like an organization's name
/// (北京市人工智能产业投资基金) is one too. Names found so extend the list for the next item.
/// Runs after the mentions are selected, so the gap it looks at is text no other name covers.
/// </summary>
public sealed class ListedNameRecogniser(RecognitionData data, LanguageResources resources, DescriptionFilter descriptions) : IPipelineStage
{
    private static readonly string[] Joiners = LanguageData.EmbeddedWords.List("recognition/list-joiners.tsv", "listed-names");

    private readonly IReadOnlyList<string> _listClosers = resources.Lines("recognition/list-closers.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    private readonly IReadOnlyList<string> _listOpeners = resources.Lines("recognition/list-openers.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    private readonly IReadOnlyList<string> _investorEndings = resources.Lines("recognition/listed-investor-endings.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    private const int MinNameLength = 2;
    private const int MaxNameLength = 6;
    private const int MaxSuffixedNameLength = 16;
    private const int ClosingSearchLength = 120;
    private const double ListedConfidence = 0.6;

    public void Process(Document document)
    {
        var mentions = document.Mentions;
        var before = mentions.Count;
        mentions.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        // An item found is inserted after its anchor, so the loop reaches it next and it anchors the item after it.
        for (var i = 0; i < mentions.Count; i++)
        {
            var listed = mentions[i];
            if (listed.Type != "Organization" || listed.IsAnaphor || listed.Sentence < 0) continue;
            var sentence = document.Sentences[listed.Sentence];
            if (FirstItemBefore(document, sentence, listed, i > 0 ? mentions[i - 1] : null) is { } first)
            {
                mentions.Insert(i, first);
                i++;
            }
            if (ItemAfter(document, sentence, listed, i + 1 < mentions.Count ? mentions[i + 1] : null, i > 0 ? mentions[i - 1] : null) is { } next) mentions.Insert(i + 1, next);
        }
        if (mentions.Count > before) mentions.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
    }

    private Mention? ItemAfter(Document document, Sentence sentence, Mention listed, Mention? next, Mention? previous)
    {
        var text = document.Text;
        var start = AfterJoiner(text, listed.Range.End);
        if (start < 0) return null;
        var limit = Math.Min(sentence.Range.End, next?.Range.Start ?? sentence.Range.End);
        var end = start;
        while (end < limit && end - start <= MaxSuffixedNameLength && IsHan(text[end]) && !ClosesName(text, end, next)) end++;
        if (ListGoesOnToItsCloser(text, end, sentence)) return Listed(document, sentence, start, end);
        // In a list a word opened (股东包括优必选、小米、京城机电以及亦庄国投), a run another item follows is an item too.
        if (AfterJoiner(text, end) >= 0 && OpenedByListWord(text, listed, previous)) return Listed(document, sentence, start, end);

        var nextIsOrganization = next is { Type: "Organization" } && AfterJoiner(text, end) == next.Range.Start;
        if (!nextIsOrganization && !_listClosers.Any(c => string.CompareOrdinal(text, end, c, 0, c.Length) == 0)
            && !(EndsClause(text, end, sentence.Range.End) && OpenedByListWord(text, listed, previous))) return null;
        return Listed(document, sentence, start, end);
    }

    /// <summary>The last item of a list ends its clause (投资方包括中金资本和国开科创。).</summary>
    private static bool EndsClause(string text, int end, int sentenceEnd) => end >= sentenceEnd || text[end] is '，' or ',' or '。' or '；' or ';';

    /// <summary>
    /// The list that <paramref name="listed"/> belongs to opens right after a word that opens lists of backers
    /// (包括, 还有), itself or the organization listed before it; 由 is left out, as it also opens a clause's agent.
    /// </summary>
    private bool OpenedByListWord(string text, Mention listed, Mention? previous)
    {
        if (OpensListOfItems(text, listed.Range.Start)) return true;
        if (previous is { Type: "Organization" } && AfterJoiner(text, previous.Range.End) == listed.Range.Start && OpensListOfItems(text, previous.Range.Start)) return true;
        return ListWordBefore(text, listed.Range.Start);
    }

    /// <summary>
    /// A word opening a list stands before the items that lead up to <paramref name="position"/>, each joined to the next
    /// (股东包括优必选、小米、京城机电: from 京城机电 back over 小米 and 优必选 to 包括).
    /// </summary>
    private bool ListWordBefore(string text, int position)
    {
        for (var item = 0; item < MaxItemsBack; item++)
        {
            if (OpensListOfItems(text, position)) return true;
            var joiner = Joiners.FirstOrDefault(j => position >= j.Length && string.CompareOrdinal(text, position - j.Length, j, 0, j.Length) == 0);
            if (joiner is null) return false;
            var end = position - joiner.Length;
            var start = end;
            while (start > 0 && end - start < MaxSuffixedNameLength && !ListBreaks.Contains(text[start - 1]) && !OpensListOfItems(text, start)
                   && !Joiners.Any(j => start >= j.Length && string.CompareOrdinal(text, start - j.Length, j, 0, j.Length) == 0)) start--;
            if (start == end) return false;
            position = start;
        }
        return false;
    }

    /// <summary>How many items back a list's opening word is looked for.</summary>
    private const int MaxItemsBack = 6;

    private const string ListBreaks = "，,。；;：:！？\n";

    private bool OpensListOfItems(string text, int position) =>
        _listOpeners.Any(o => o != AgentOpener && position >= o.Length && string.CompareOrdinal(text, position - o.Length, o, 0, o.Length) == 0);

    private const string AgentOpener = "由";

    /// <summary>
    /// Another item follows the run in a list its clause closes (国科投资、中科图灵、元禾原点跟投): the run is listed too, and
    /// as each item found anchors the next, a list of unknown names after one known is read to its end.
    /// </summary>
    private bool ListGoesOnToItsCloser(string text, int end, Sentence sentence) =>
        AfterJoiner(text, end) >= 0 && ClosedInClause(text, end, sentence.Range.End);

    /// <summary>
    /// The item before the first listed organization, when the list opens at the clause's start or after an opening
    /// word (由, 包括) and a closing word follows in the clause: without both, the run may be anything before a name.
    /// </summary>
    private Mention? FirstItemBefore(Document document, Sentence sentence, Mention listed, Mention? previous)
    {
        var text = document.Text;
        var joinerEnd = listed.Range.Start;
        if (joinerEnd <= sentence.Range.Start || text[joinerEnd - 1] != '、') return null;
        var end = joinerEnd - 1;
        var floor = Math.Max(sentence.Range.Start, previous?.Range.End ?? sentence.Range.Start);
        var start = end;
        while (start > floor && end - start <= MaxSuffixedNameLength && IsHan(text[start - 1]) && !OpensList(text, start)) start--;
        var opensHere = start == sentence.Range.Start || text[start - 1] is '，' or ',' or '；' or '：' or ':' || OpensList(text, start);
        if (!opensHere || !ClosedInClause(text, listed.Range.End, sentence.Range.End)) return null;
        return Listed(document, sentence, start, end);
    }

    private Mention? Listed(Document document, Sentence sentence, int start, int end)
    {
        var length = end - start;
        var suffix = RecognitionData.MatchEndingAt(data.OrganizationSuffixes, document.Text, end) ?? RecognitionData.MatchEndingAt(_investorEndings, document.Text, end);
        var suffixed = suffix is not null && length > suffix.Length;
        if (length < MinNameLength || length > (suffixed ? MaxSuffixedNameLength : MaxNameLength)) return null;
        if (!LooksLikeAName(document, sentence, start, end, suffixed)) return null;
        var mention = new Mention(new TextRange(start, end), document.Text[start..end], "Organization", MentionSource.Pattern, ListedConfidence) { Sentence = sentence.Index };
        return descriptions.IsDescription(mention) ? null : mention;
    }

    /// <summary>The text just before <paramref name="position"/> is a word that opens a list (由, 包括, 老股东).</summary>
    private bool OpensList(string text, int position) =>
        _listOpeners.Any(o => position >= o.Length && string.CompareOrdinal(text, position - o.Length, o, 0, o.Length) == 0);

    private bool ClosedInClause(string text, int from, int sentenceEnd)
    {
        var limit = Math.Min(sentenceEnd, from + ClosingSearchLength);
        for (var i = from; i < limit && text[i] is not ('，' or ',' or '；' or '。'); i++)
        {
            if (_listClosers.Any(c => string.CompareOrdinal(text, i, c, 0, c.Length) == 0)) return true;
        }
        return false;
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
    /// (投资者, 其他) nor a single place (北京、上海 are places, not investors). A run with an organization's ending
    /// may hold common words (人工智能产业投资基金), but is not a generic phrase as a whole.
    /// </summary>
    private bool LooksLikeAName(Document document, Sentence sentence, int start, int end, bool suffixed)
    {
        var tokens = document.TokensOf(sentence).Where(t => t.Range.Start >= start && t.Range.End <= end).ToList();
        if (tokens.Count == 0 || tokens[0].Range.Start != start || tokens[^1].Range.End != end) return false;
        if (tokens.Count == 1 && tokens[0].InDictionary && tokens[0].Tag is "ns" or "n") return false;
        if (PersonNameRecogniser.StopCharacters.Contains(document.Text[start]) || data.IsGeneric(document.Slice(start, end))) return false;
        if (suffixed) return !data.IsGeneric(tokens[0].Text) && tokens[0].Tag is not ("r" or "m" or "d" or "c" or "p");
        return tokens.All(t => !data.IsGeneric(t.Text) && (!t.InDictionary || t.Tag is "n" or "nz" or "nr" or "nrt" or "nrfg" or "ns" or "nt" or "j" or "x" or "i" or "l" or "ng" or "b"));
    }

}
