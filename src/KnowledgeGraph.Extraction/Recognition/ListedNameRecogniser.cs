using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Unknown names in a list of organizations (达泰资本、鸿福厚德、智谱AI; 百度风投、卓源亚洲跟投): a short run of
/// name-like words between a listed organization and the next one, or the list's closing word, is an organization;
/// so is the list's first item, before a listed organization, when the clause opens the list there and a closing
/// word ends it (达晨财智、深创投…等机构跟投). A longer run that ends like an organization's name
/// (北京市人工智能产业投资基金) is one too. Names found so extend the list for the next item. A backer may also be named
/// alone: right before the round's closing word where its clause or a list's opening word begins (由丝路启航创投领投), or
/// between a verb of receiving money and the amount (获得稻草人资本1500万元天使轮投资).
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
        AddSoleBackers(document);
        AddBackersOfAmounts(document);
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

    /// <summary>
    /// The closing words of a list of backers that a sole backer's name stands right before (领投, 跟投, 参投; not 等,
    /// which closes lists of anything).
    /// </summary>
    private IEnumerable<string> BackerClosers => _listClosers.Where(c => c != GeneralCloser);

    private const string GeneralCloser = "等";

    /// <summary>
    /// A backer named alone before its round's closing word, where its clause or a list's opening word begins
    /// (本轮由丝路启航创投领投, …领投，浙江云栖投资跟投): the run is an organization's name when it is one by its words, with
    /// a word the segmenter does not know as a common one (a description, 多家机构跟投, names no one).
    /// </summary>
    private void AddSoleBackers(Document document)
    {
        var text = document.Text;
        var named = new MentionSpans(document.Mentions);
        var closers = BackerClosers.ToList();
        foreach (var sentence in document.Sentences)
        {
            for (var i = sentence.Range.Start + MinNameLength; i < sentence.Range.End; i++)
            {
                if (!BackerCloserFirstCharacters.Contains(text[i]) || closers.FirstOrDefault(c => string.CompareOrdinal(text, i, c, 0, c.Length) == 0) is not { } closer) continue;
                var start = i;
                while (start > sentence.Range.Start && i - start <= MaxSuffixedNameLength && IsHan(text[start - 1]) && !OpensList(text, start)) start--;
                var opens = start == sentence.Range.Start || text[start - 1] is '，' or ',' or '；' or ';' or '：' or ':' || OpensList(text, start);
                var run = new TextRange(start, i);
                if (opens && run.Length >= MinNameLength && OnlyPlacesWithin(named, run) && Backer(document, sentence, start, i) is { } backer) Add(document, named, backer);
                i += closer.Length - 1;
            }
        }
    }

    /// <summary>No name but a place inside the run (浙江云栖投资: the place opens the backer's name).</summary>
    private static bool OnlyPlacesWithin(MentionSpans named, TextRange run) =>
        named.Overlapping(run).All(m => m.Type == "Location" && m.Range.Start >= run.Start && m.Range.End <= run.End);

    /// <summary>The backer found replaces the places inside its name.</summary>
    private static void Add(Document document, MentionSpans named, Mention backer)
    {
        foreach (var place in named.Overlapping(backer.Range))
        {
            document.Mentions.Remove(place);
            named.Remove(place);
        }
        document.Mentions.Add(backer);
        named.Add(backer);
    }

    /// <summary>The closers' first characters: a position whose character is none of them starts no closer.</summary>
    private HashSet<char> BackerCloserFirstCharacters => _backerCloserFirstCharacters ??= BackerClosers.Select(c => c[0]).ToHashSet();

    private HashSet<char>? _backerCloserFirstCharacters;

    /// <summary>
    /// A backer named between a verb of taking money in (recognition/financed-subject-verbs.txt: 获得, 拿到) and the amount
    /// it gave (获得稻草人资本1500万元天使轮投资, 拿到了杭州滨创投数百万元的天使+轮投资): a name by its words, as for a sole
    /// backer, when a word of a round (recognition/financing-words.txt: 轮, 融资) follows the amount in its clause.
    /// </summary>
    private void AddBackersOfAmounts(Document document)
    {
        var text = document.Text;
        var named = new MentionSpans(document.Mentions);
        foreach (var sentence in document.Sentences)
        {
            foreach (var verb in _receivingVerbs)
            {
                for (var at = text.IndexOf(verb, sentence.Range.Start, sentence.Range.Length, StringComparison.Ordinal); at >= 0;
                     at = at + 1 < sentence.Range.End ? text.IndexOf(verb, at + 1, sentence.Range.End - at - 1, StringComparison.Ordinal) : -1)
                {
                    var start = at + verb.Length;
                    if (start < sentence.Range.End && text[start] == '了') start++;
                    var end = start;
                    while (end < sentence.Range.End && end - start <= MaxSuffixedNameLength && IsHan(text[end]) && !AmountOpeners.Contains(text[end])) end++;
                    var nameEnd = end > start && text[end - 1] == '的' ? end - 1 : end;
                    if (end >= sentence.Range.End || !(char.IsAsciiDigit(text[end]) || AmountOpeners.Contains(text[end]))) continue;
                    var clauseEnd = text.IndexOfAny(['，', '。', '；'], end, sentence.Range.End - end) is var c && c >= 0 ? c : sentence.Range.End;
                    if (!_financingWords.Any(w => text.IndexOf(w, end, clauseEnd - end, StringComparison.Ordinal) >= 0)) continue;
                    var run = new TextRange(start, nameEnd);
                    // The round itself may stand there (完成新一轮数亿元融资): a run holding its word names no backer.
                    if (_financingWords.Any(w => text.IndexOf(w, start, nameEnd - start, StringComparison.Ordinal) >= 0)) continue;
                    if (run.Length < MinNameLength || !OnlyPlacesWithin(named, run) || Backer(document, sentence, start, nameEnd) is not { } backer) continue;
                    Add(document, named, backer);
                }
            }
        }
    }

    /// <summary>The verbs of taking money in, without the adverbs the file marks with + (再获 before 获).</summary>
    private readonly IReadOnlyList<string> _receivingVerbs = resources.Lines("recognition/financed-subject-verbs.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '+').OrderByDescending(l => l.Length).ToList();

    private readonly IReadOnlyList<string> _financingWords = resources.Lines("recognition/financing-words.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Characters opening an amount written in words (数百万元, 近亿元, 超千万元).</summary>
    private static readonly string AmountOpeners = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "amount-openers");

    /// <summary>
    /// A listed name (<see cref="Listed"/>) opened by a noun or a word the segmenter does not know (not 知名投资机构, 来自X),
    /// with an organization's ending or a word the segmenter does not know or tags as proper; no single person's name.
    /// </summary>
    private Mention? Backer(Document document, Sentence sentence, int start, int end)
    {
        var tokens = document.TokensOf(sentence).Where(t => t.Range.Start >= start && t.Range.End <= end).ToList();
        if (tokens.Count == 0 || tokens[0].InDictionary && !BackerOpeningTags.Contains(tokens[0].Tag) || tokens.Any(t => t.Text == "的")) return null;
        if (tokens.Count == 1 && tokens[0].Tag is "nr" or "nrfg") return null;
        var suffixed = RecognitionData.MatchEndingAt(data.OrganizationSuffixes, document.Text, end) is not null || RecognitionData.MatchEndingAt(_investorEndings, document.Text, end) is not null;
        if (!suffixed && !tokens.Any(t => !t.InDictionary || ProperTags.Contains(t.Tag))) return null;
        return Listed(document, sentence, start, end);
    }

    private static readonly HashSet<string> BackerOpeningTags = ["n", "nz", "nr", "nrt", "nrfg", "ns", "nt", "j", "x", "ng", "eng"];

    private static readonly HashSet<string> ProperTags = ["nr", "nrt", "nrfg", "nz", "nt", "ns", "j", "x"];

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
