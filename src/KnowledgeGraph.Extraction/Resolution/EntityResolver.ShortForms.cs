using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Recognition;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Resolution;

// Names seen again in shorter forms: which forms a name has, where they stand alone in the text, the mentions they add.
public sealed partial class EntityResolver
{
    private readonly IReadOnlyList<string> _generationSuffixes = resources.Lines("resolution/generation-suffixes.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// A name recognised once is a name wherever it stands again; so are the surnames of dotted names and names
    /// without their legal or English tail, and the heads of Chinese company names (<see cref="ChineseNameHeads"/>) where
    /// they stand as words.
    /// </summary>
    private void AddShortForms(Document document, Dictionary<string, Mention> abbreviations, Dictionary<string, Mention> heads)
    {
        var shortForms = new Dictionary<string, Mention>(abbreviations, StringComparer.Ordinal);
        var headsOnly = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in document.Mentions.Where(m => (m.LexiconId is null || m.Type == "Person") && !m.IsAnaphor))
        {
            foreach (var form in ShortFormsOf(document, mention).Prepend(mention.Text))
            {
                if (form.Length >= 2 || IsLetterName(form, mention)) shortForms.TryAdd(form, mention);
            }
        }
        foreach (var (head, full) in heads)
        {
            if (shortForms.TryAdd(head, full)) headsOnly.Add(head);
        }
        if (shortForms.Count == 0) return;

        var occupied = new System.Collections.BitArray(document.Text.Length);
        foreach (var mention in document.Mentions)
        {
            for (var i = mention.Range.Start; i < mention.Range.End; i++) occupied[i] = true;
        }
        var forms = shortForms.ToList();
        var formTrie = new NameTrie<int>();
        for (var index = 0; index < forms.Count; index++) formTrie.Add(forms[index].Key, index);
        var spans = new MentionSpans(document.Mentions);
        var dropped = new HashSet<Mention>();
        var text = document.Text;
        foreach (var sentence in document.Sentences)
        {
            foreach (var (index, at) in Occurrences(text, sentence.Range, formTrie))
            {
                var (form, source) = forms[index];
                var range = new TextRange(at, at + form.Length);
                if (!StandsAlone(text, range) || range.Length == 1 && !LetterStandsAsName(text, range.Start)) continue;
                if (headsOnly.Contains(form) && !ChineseNameHeads.StandsAsWord(document, range)) continue;
                if (Enumerable.Range(range.Start, range.Length).Any(i => occupied[i]) && !ReplacesShorterGuesses(spans, dropped, range, source.Type)) continue;
                for (var i = range.Start; i < range.End; i++) occupied[i] = true;
                var found = new Mention(range, form, source.Type, MentionSource.Pattern, source.Confidence * 0.9) { Sentence = sentence.Index };
                document.Mentions.Add(found);
                spans.Add(found);
            }
        }
        document.Mentions.RemoveAll(dropped.Contains);
        document.Mentions.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
    }

    /// <summary>
    /// Where the forms occur in the range, overlapping occurrences included, form by form in the order they were
    /// found and each form's occurrences from left to right: one pass over the text instead of one per form.
    /// </summary>
    private static List<(int Form, int At)> Occurrences(string text, TextRange range, NameTrie<int> forms)
    {
        var occurrences = new List<(int Form, int At)>();
        for (var at = range.Start; at < range.End; at++)
        {
            if (!forms.MayBeginAt(text, at, range.End)) continue;
            foreach (var (length, form, index) in forms.MatchesAt(text, at, range.End))
            {
                if (string.CompareOrdinal(text, at, form, 0, length) == 0) occurrences.Add((index, at));
            }
        }
        occurrences.Sort();
        return occurrences;
    }

    /// <summary>
    /// A known name seen again wins over a shorter guess inside it (邦焦尔诺 again, where the surname rule read 焦尔诺):
    /// the guesses, all pattern mentions of the same type inside the range, are dropped.
    /// </summary>
    private static bool ReplacesShorterGuesses(MentionSpans spans, HashSet<Mention> dropped, TextRange range, string type)
    {
        var overlapping = spans.Overlapping(range);
        if (overlapping.Any(m => m.Source != MentionSource.Pattern || m.Type != type || m.Range.Start < range.Start || m.Range.End > range.End || m.Range.Length == range.Length))
            return false;
        foreach (var guess in overlapping)
        {
            spans.Remove(guess);
            dropped.Add(guess);
        }
        return true;
    }

    /// <summary>
    /// A person is called by the last part of a dotted name, by the first, or by all but the first (德·弗雷塔斯 of
    /// 丹尼尔·德·弗雷塔斯), whether or not the lexicon knows the person: it lists the usual forms, not every one. An
    /// organization is called by its name without its legal or English tail, or without the city before it (<see cref="PlaceLessForms"/>).
    /// </summary>
    private IEnumerable<string> ShortFormsOf(Document document, Mention mention)
    {
        if (mention.LexiconId is not null && mention.Type != "Person") yield break;
        switch (mention.Type)
        {
            case "Person" when mention.Text.Contains('·'):
                var lastPart = mention.Text[(mention.Text.LastIndexOf('·') + 1)..];
                yield return lastPart;
                if (FamilyNameBeforeGeneration(lastPart) is { } familyName) yield return familyName;
                yield return mention.Text[..mention.Text.IndexOf('·')];
                if (mention.Text.IndexOf('·') != mention.Text.LastIndexOf('·')) yield return mention.Text[(mention.Text.IndexOf('·') + 1)..];
                break;
            case "Person" when mention.Text.Contains(' '):
                var words = mention.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // Williams of Gerard Williams III: the generation is no name to call the person by.
                yield return words.Length > 2 && _generationSuffixes.Contains(words[^1]) ? words[^2] : words[^1];
                break;
            case "Organization":
                var stripped = StripLegalSuffix(mention.Text);
                if (stripped != mention.Text && stripped.Length >= 2) yield return stripped;
                foreach (var tail in _englishOrganizationTails)
                {
                    if (mention.Text.EndsWith(tail, StringComparison.Ordinal) && mention.Text.Length > tail.Length + 2)
                        yield return mention.Text[..^tail.Length];
                }
                foreach (var brand in _placeLessForms.Of(document, mention))
                {
                    yield return brand;
                    // The brand's core too (灵犀视界 of 杭州灵犀视界科技有限公司, 声启 of 深圳声启科技), as for a name written without its city.
                    if (_placeLessForms.CoreOf(brand) is { } brandCore) yield return brandCore;
                }
                if (_placeLessForms.CoreOf(stripped) is { } core) yield return core;
                break;
        }
    }

    /// <summary>威廉姆斯 of 威廉姆斯三世: the family name without a generation written after it, when something is left.</summary>
    private string? FamilyNameBeforeGeneration(string lastPart) =>
        _generationSuffixes.FirstOrDefault(suffix => lastPart.Length >= suffix.Length + 2 && lastPart.EndsWith(suffix, StringComparison.Ordinal)) is { } generation
            ? lastPart[..^generation.Length]
            : null;

    /// <summary>A company called by one capital letter (一家名叫H的初创公司) is called so again (H的种子轮由Accel领投).</summary>
    private static bool IsLetterName(string form, Mention mention) =>
        form.Length == 1 && char.IsAsciiLetterUpper(form[0]) && mention.Type == "Organization" && mention.LexiconId is null;

    /// <summary>
    /// A lone capital letter is that company only between Chinese words or punctuation, never in a code, a version or
    /// a round (A轮, C端, H股: the words of resolution/letter-name-blockers.txt after it).
    /// </summary>
    private bool LetterStandsAsName(string text, int at)
    {
        static bool Plain(char c) => IsHan(c) || c is '，' or '。' or '、' or '；' or '：' or '“' or '”' or '「' or '」' or '（' or '）' or '\n';
        if (at > 0 && !Plain(text[at - 1])) return false;
        if (at + 1 < text.Length && !Plain(text[at + 1])) return false;
        return !_letterNameBlockers.Any(b => string.CompareOrdinal(text, at + 1, b, 0, b.Length) == 0);
    }

    private readonly IReadOnlyList<string> _letterNameBlockers = resources.Lines("resolution/letter-name-blockers.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static bool StandsAlone(string text, TextRange range)
    {
        bool Latin(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
        if (Latin(text[range.Start]) && range.Start > 0 && Latin(text[range.Start - 1])) return false;
        return !(Latin(text[range.End - 1]) && range.End < text.Length && Latin(text[range.End]));
    }
}
