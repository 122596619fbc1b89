using System.Text;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Recognition;
using KnowledgeGraph.Ontology;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// Gathers the mentions of one real-world thing into one entity: lexicon names by their lexicon id, other names by
/// type and name without legal endings (月之暗面科技有限公司 = 月之暗面). Short forms of names found in the article
/// (阿莫代伊 after 达里奥·阿莫代伊, Inflection after Inflection AI) are looked for and join their entity.
/// </summary>
public sealed class EntityResolver(Lexicon lexicon, OntologySchema ontology, LanguageResources resources, LabelledSpellingRecogniser labelledSpellings, RecognitionData recognition,
    SharedResolutionWords sharedWords)
    : IPipelineStage
{
    private readonly PlaceLessForms _placeLessForms = new(lexicon, resources, recognition);

    private readonly RenameLinks _renameLinks = new(resources);

    private readonly ChineseNameHeads _chineseHeads = new(lexicon, recognition, resources, sharedWords);

    private readonly IReadOnlyList<string> _legalSuffixes = resources.Lines("resolution/legal-suffixes.txt")
        .Select(l => l.Trim()).OrderByDescending(l => l.Length).ToList();

    private readonly IReadOnlyList<string> _generationSuffixes = resources.Lines("resolution/generation-suffixes.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private readonly IReadOnlyList<string> _abbreviationMarkers = resources.Lines("resolution/abbreviation-markers.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    private const int MaxAbbreviationLength = 12;

    /// <summary>Words closing an English organization name that the text may leave off (resolution/english-organization-tails.txt).</summary>
    private readonly string[] _englishOrganizationTails = EnglishOrganizationTails(resources);

    public void Process(Document document)
    {
        var abbreviations = IntroducedAbbreviations(document);
        var heads = _chineseHeads.Of(document, KeyOf);
        AddShortForms(document, abbreviations, heads);
        var clusters = new Dictionary<string, EntityCluster>(StringComparer.Ordinal);
        var keys = AppositionKeys(document);
        JoinRenamedNames(document, keys);
        JoinFormerNamesOfKnownCompanies(document, keys);
        JoinAbbreviationsToFullNames(document, keys, abbreviations);
        JoinLatinShortNames(document, keys);
        var fullNames = FullNameKeys(document, keys, heads);
        JoinSurnamesToFullNames(document, keys, fullNames);
        JoinKnownShortNamesToArticlePeople(document, keys, fullNames);
        var knownShortNames = KnownShortNames(document);
        foreach (var mention in document.Mentions.Where(m => !m.IsAnaphor))
        {
            if (mention.LexiconId is null && !keys.ContainsKey(mention) && knownShortNames.TryGetValue(mention.Text, out var known))
            {
                keys[mention] = known.Id;
                mention.Type = known.Type;
            }
            if (mention.LexiconId is null && !keys.ContainsKey(mention) && IsSurnameOfPersonNamed(mention, fullNames, out var person))
            {
                keys[mention] = person;
                mention.Type = "Person";
            }
            var key = keys.GetValueOrDefault(mention)
                      ?? (mention.LexiconId is null && fullNames.TryGetValue((mention.Type, mention.Text), out var full) ? full : KeyOf(mention));
            if (!clusters.TryGetValue(key, out var cluster))
            {
                var entry = key.Contains('|') ? null : lexicon.ById(key);
                cluster = new EntityCluster(entry?.Id ?? "", entry?.Type ?? mention.Type) { LexiconId = entry?.Id };
                if (entry is not null)
                {
                    foreach (var name in entry.AllNames) cluster.KnownNames.Add(name);
                }
                clusters[key] = cluster;
                document.Entities.Add(cluster);
            }
            cluster.Mentions.Add(mention);
            mention.Entity = cluster;
        }
        foreach (var cluster in document.Entities) Name(cluster);
    }

    private string KeyOf(Mention mention) => mention.LexiconId ?? $"{mention.Type}|{BaseKey(mention.Text, mention.Type)}";

    /// <summary>
    /// A name followed by another spelling in brackets (丹妮拉·阿莫代伊（Daniela Amodei）, Vantis Robotics（中文名：
    /// 万象机器人）) is one entity; it takes the lexicon identity of either spelling, else the first one's.
    /// </summary>
    private Dictionary<Mention, string> AppositionKeys(Document document)
    {
        var keys = new Dictionary<Mention, string>();
        var mentions = document.Mentions.Where(m => !m.IsAnaphor).ToList();
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var (outer, inner) = (mentions[i], mentions[i + 1]);
            var between = document.Text.AsSpan(outer.Range.End, Math.Max(0, inner.Range.Start - outer.Range.End)).Trim(' ');
            var labelled = labelledSpellings.SpellingStart(document.Text, outer.Range.End) == inner.Range.Start;
            if (!labelled && between is not ("（" or "(") || inner.Range.End >= document.Text.Length) continue;
            // The spelling may close the bracket or be followed by more about the name (Chengyao Semiconductor，简称澄曜).
            var after = document.Text.AsSpan(inner.Range.End).TrimStart(' ');
            if (after is not ['）' or ')', ..] && !(after is ['，' or ',', ..] && outer.Type == inner.Type)) continue;
            if (outer.LexiconId is not null && inner.LexiconId is not null && outer.LexiconId != inner.LexiconId) continue;
            var source = inner.LexiconId is not null && outer.LexiconId is null ? inner : outer;
            var key = keys.GetValueOrDefault(outer) ?? KeyOf(source);
            keys[outer] = key;
            keys[inner] = key;
            outer.Type = inner.Type = source.Type;
        }
        JoinRepeatsOfAppositions(mentions, keys);
        return keys;
    }

    /// <summary>
    /// A thing renamed in the article (<see cref="RenameLinks"/>) is one entity under its old and new names, wherever
    /// either stands: the lexicon's identity wins, else the earlier name's.
    /// </summary>
    private void JoinRenamedNames(Document document, Dictionary<Mention, string> keys)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        string Root(string key)
        {
            while (renamed.TryGetValue(key, out var next)) key = next;
            return key;
        }
        foreach (var (earlier, later) in _renameLinks.Pairs(document))
        {
            var kept = Root(keys.GetValueOrDefault(earlier) ?? KeyOf(earlier));
            var gone = Root(keys.GetValueOrDefault(later) ?? KeyOf(later));
            if (gone == kept) continue;
            if (!gone.Contains('|') && kept.Contains('|')) (kept, gone) = (gone, kept);
            else if (!gone.Contains('|')) continue;
            renamed[gone] = kept;
        }
        if (renamed.Count == 0) return;
        foreach (var mention in document.Mentions.Where(m => !m.IsAnaphor))
        {
            var key = keys.GetValueOrDefault(mention) ?? KeyOf(mention);
            if (!renamed.ContainsKey(key)) continue;
            var root = Root(key);
            keys[mention] = root;
            mention.Type = lexicon.ById(root)?.Type ?? root[..root.IndexOf('|')];
        }
    }

    /// <summary>The present lexicon id of each company the lexicon also keeps under a former name (resolution/former-names.tsv).</summary>
    private readonly Dictionary<string, string> _presentNames = resources.Rows("resolution/former-names.tsv", 2)
        .ToDictionary(f => f[0].Trim(), f => f[1].Trim(), StringComparer.Ordinal);

    /// <summary>
    /// A company named in the article by its former name (Facebook) and by its present one (Meta) is one entity, the
    /// present name's; where the article names only the former one it stays that.
    /// </summary>
    private void JoinFormerNamesOfKnownCompanies(Document document, Dictionary<Mention, string> keys)
    {
        var known = document.Mentions.Where(m => m.LexiconId is not null).Select(m => m.LexiconId!).ToHashSet(StringComparer.Ordinal);
        foreach (var mention in document.Mentions.Where(m => m.LexiconId is not null && !m.IsAnaphor && !keys.ContainsKey(m)))
        {
            if (_presentNames.TryGetValue(mention.LexiconId!, out var present) && known.Contains(present)) keys[mention] = present;
        }
    }

    /// <summary>
    /// A name given once with its other spelling (蝴蝶效应（Butterfly Effect）) is that thing wherever it stands alone
    /// again in the article (蝴蝶效应宣布…), also when the other spelling is the lexicon's.
    /// </summary>
    private static void JoinRepeatsOfAppositions(List<Mention> mentions, Dictionary<Mention, string> keys)
    {
        if (keys.Count == 0) return;
        var bySurface = keys.Where(k => k.Key.LexiconId is null)
            .GroupBy(k => k.Key.Text, StringComparer.Ordinal)
            .Where(g => g.Select(k => k.Value).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToDictionary(g => g.Key, g => (Key: g.First().Value, g.First().Key.Type), StringComparer.Ordinal);
        foreach (var mention in mentions.Where(m => m.LexiconId is null && !keys.ContainsKey(m)))
        {
            if (!bySurface.TryGetValue(mention.Text, out var known)) continue;
            keys[mention] = known.Key;
            mention.Type = known.Type;
        }
    }

    /// <summary>
    /// The last word of a known multi-word Latin name in the article (Bedrock of Amazon Bedrock), a known
    /// organization's name without its English tail (Figure of Figure AI), or a known product's name without its
    /// maker's (R1 of DeepSeek-R1), when that form is not itself a known name: an unknown mention of it is that entity,
    /// whatever type its context suggested.
    /// </summary>
    private Dictionary<string, LexiconEntry> KnownShortNames(Document document)
    {
        var forms = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        var known = document.Mentions.Where(m => m.LexiconId is not null).Select(m => m.LexiconId!).Distinct().Select(lexicon.ById).OfType<LexiconEntry>();
        foreach (var entry in known)
        {
            if (!_shortForms.TryGetValue(entry, out var shortForms)) continue;
            foreach (var form in shortForms) forms.TryAdd(form, entry);
        }
        return forms;
    }

    /// <summary>
    /// The short forms of every lexicon entry that has some, in the order <see cref="ShortForms"/> gives them. They depend
    /// on the lexicon alone, so they are worked out once here instead of for every article that names the entry.
    /// </summary>
    private readonly Dictionary<LexiconEntry, string[]> _shortForms = ShortFormsByEntry(lexicon, EnglishOrganizationTails(resources));

    private static string[] EnglishOrganizationTails(LanguageResources resources) =>
        resources.Lines("resolution/english-organization-tails.txt").Where(l => l.Trim().Length > 0).ToArray();

    private static Dictionary<LexiconEntry, string[]> ShortFormsByEntry(Lexicon lexicon, string[] tails)
    {
        var byEntry = new Dictionary<LexiconEntry, string[]>(ReferenceEqualityComparer.Instance);
        foreach (var entry in lexicon.Entries)
        {
            var forms = ShortForms(lexicon, entry, tails);
            if (forms.Count > 0) byEntry[entry] = forms.ToArray();
        }
        return byEntry;
    }

    /// <summary>An entry's short forms as <see cref="KnownShortNames"/> describes them, in the order an article adds them.</summary>
    private static List<string> ShortForms(Lexicon lexicon, LexiconEntry entry, string[] tails)
    {
        var forms = new List<string>();
        foreach (var name in entry.AllNames.Where(n => n.Contains(' ') && n.All(c => c < '\u0250')))
        {
            var last = name[(name.LastIndexOf(' ') + 1)..];
            if (last.Length >= 3 && char.IsUpper(last[0]) && !lexicon.IsName(last)) forms.Add(last);
        }
        foreach (var name in entry.AllNames)
        {
            if (WithoutMakerName(lexicon, entry, name) is { } rest && !lexicon.IsName(rest)) forms.Add(rest);
            if (entry.Type != "Organization") continue;
            var tail = tails.FirstOrDefault(t => name.EndsWith(t, StringComparison.Ordinal));
            var head = tail is null ? "" : name[..^tail.Length];
            if (head.Length >= 3 && !lexicon.IsName(head)) forms.Add(head);
        }
        return forms;
    }

    /// <summary>A product named after its maker (DeepSeek-R1, DeepSeek V3) is also called by the rest of its name (R1, V3).</summary>
    private static string? WithoutMakerName(Lexicon lexicon, LexiconEntry product, string name)
    {
        if (product.Type != "Product" || product.Owner is null || lexicon.ById(product.Owner) is not { } maker) return null;
        foreach (var makerName in maker.AllNames)
        {
            if (name.Length >= makerName.Length + 3 && name.StartsWith(makerName, StringComparison.Ordinal) && name[makerName.Length] is '-' or ' ')
                return name[(makerName.Length + 1)..];
        }
        return null;
    }

    /// <summary>
    /// Short names the article introduces for the thing named right before (Physical Intelligence（简称PI）,
    /// 北京智源人工智能研究院（以下简称“智源”）): the short name, and the mention it stands for.
    /// </summary>
    private Dictionary<string, Mention> IntroducedAbbreviations(Document document)
    {
        var abbreviations = new Dictionary<string, Mention>(StringComparer.Ordinal);
        var text = document.Text;
        foreach (var mention in document.Mentions.Where(m => !m.IsAnaphor && m.Type != "Person"))
        {
            var at = mention.Range.End;
            if (at < text.Length && text[at] is '（' or '(' or '，' or ',') at++;
            var marker = _abbreviationMarkers.FirstOrDefault(m => string.CompareOrdinal(text, at, m, 0, m.Length) == 0);
            if (marker is null) continue;
            var start = at + marker.Length;
            while (start < text.Length && text[start] is '：' or ':' or '“' or '"' or '「' or '‘' or ' ') start++;
            var end = start;
            while (end < text.Length && end - start <= MaxAbbreviationLength && !EndsAbbreviation(text[end])) end++;
            if (end - start < 2 || end - start > MaxAbbreviationLength) continue;
            var abbreviation = text[start..end];
            if (abbreviation != mention.Text) abbreviations.TryAdd(abbreviation, mention);
        }
        return abbreviations;
    }

    private static bool EndsAbbreviation(char c) => c is '）' or ')' or '”' or '"' or '」' or '’' or '，' or ',' or '。' or '、' or '；' or '\n';

    /// <summary>Every mention of an introduced short name (PI) is the thing it was introduced for.</summary>
    private void JoinAbbreviationsToFullNames(Document document, Dictionary<Mention, string> keys, Dictionary<string, Mention> abbreviations)
    {
        if (abbreviations.Count == 0) return;
        foreach (var mention in document.Mentions.Where(m => !m.IsAnaphor && m.LexiconId is null))
        {
            if (!abbreviations.TryGetValue(mention.Text, out var full) || full == mention) continue;
            keys[mention] = keys.GetValueOrDefault(full) ?? KeyOf(full);
            mention.Type = full.Type;
        }
    }

    /// <summary>Every unknown Latin short name of a longer organization name of the article (<see cref="LatinShortNames"/>) is that organization.</summary>
    private void JoinLatinShortNames(Document document, Dictionary<Mention, string> keys)
    {
        foreach (var (shortName, full) in LatinShortNames.Pairs(document).ToList())
        {
            if (keys.ContainsKey(shortName)) continue;
            keys[shortName] = keys.GetValueOrDefault(full) ?? KeyOf(full);
            shortName.Type = full.Type;
        }
    }

    /// <summary>
    /// A Latin word the recognisers typed by its shape alone (Abbeel, read as a company) that is the surname of a
    /// person named in full in the article (Pieter Abbeel) is that person.
    /// </summary>
    private static bool IsSurnameOfPersonNamed(Mention mention, Dictionary<(string Type, string Text), string> fullNames, out string key)
    {
        key = "";
        return mention.Type != "Person" && mention.Source == MentionSource.Pattern && !mention.Text.Contains(' ')
               && mention.Text.All(c => c < '\u0250') && fullNames.TryGetValue(("Person", mention.Text), out key!);
    }

    /// <summary>
    /// A Chinese name with the surname in brackets (温伯格（Weinberg）) is the person named in full elsewhere in the
    /// article (Winston Weinberg): the pair takes the full name's entity.
    /// </summary>
    private static void JoinSurnamesToFullNames(Document document, Dictionary<Mention, string> keys, Dictionary<(string Type, string Text), string> fullNames)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (mention, key) in keys)
        {
            if (mention.LexiconId is not null || !key.Contains('|')) continue;
            var person = "";
            var surname = mention.Type == "Person" ? fullNames.TryGetValue(("Person", mention.Text), out person!) : IsSurnameOfPersonNamed(mention, fullNames, out person);
            if (surname && person != key) renamed.TryAdd(key, person);
        }
        if (renamed.Count == 0) return;
        foreach (var mention in document.Mentions.Where(m => keys.TryGetValue(m, out var key) && renamed.ContainsKey(key)))
        {
            keys[mention] = renamed[keys[mention]];
            mention.Type = "Person";
        }
    }

    /// <summary>
    /// A known person's short name (霍夫曼 of 里德·霍夫曼) in an article that names another person in full with it
    /// (史蒂夫·霍夫曼) and never the known one is the article's person, whether the lexicon knows that one too or not
    /// (舒尔曼 after 迈基·舒尔曼 is not John Schulman).
    /// </summary>
    private static void JoinKnownShortNamesToArticlePeople(Document document, Dictionary<Mention, string> keys, Dictionary<(string Type, string Text), string> fullNames)
    {
        var shortOnly = document.Mentions.Where(m => m.LexiconId is not null && m.Type == "Person")
            .GroupBy(m => m.LexiconId!).Where(g => g.Select(m => m.Text).Distinct().Count() == 1).Select(g => g.Key).ToHashSet();
        foreach (var mention in document.Mentions.Where(m => m.LexiconId is not null && shortOnly.Contains(m.LexiconId) && !keys.ContainsKey(m)))
        {
            if (fullNames.TryGetValue(("Person", mention.Text), out var person) && person != mention.LexiconId) keys[mention] = person;
        }
    }

    /// <summary>
    /// The short forms of full names in the article (维尔哈文斯基 of 奥列格·维尔哈文斯基) lead to the full name's entity,
    /// the one its bracketed other spelling gave it where there is one. The longest name claims its short forms first:
    /// 禾川 of 广州禾川智能 is that company's even where a heading named it 禾川智能 before (禾川智能 is its short form too).
    /// </summary>
    private Dictionary<(string Type, string Text), string> FullNameKeys(Document document, Dictionary<Mention, string> appositionKeys, Dictionary<string, Mention> heads)
    {
        var keys = new Dictionary<(string, string), string>();
        foreach (var mention in document.Mentions.Where(m => !m.IsAnaphor).OrderByDescending(m => m.Text.Length))
        {
            foreach (var form in ShortFormsOf(document, mention).Where(f => f.Length >= 2 && f != mention.Text))
                keys.TryAdd((mention.Type, form), appositionKeys.GetValueOrDefault(mention) ?? KeyOf(mention));
        }
        // A head recognised as a name of its own (毫末 beside 毫末智行) is the company it starts.
        foreach (var (head, full) in heads) keys.TryAdd(("Organization", head), appositionKeys.GetValueOrDefault(full) ?? KeyOf(full));
        return keys;
    }

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

    private string StripLegalSuffix(string name)
    {
        foreach (var suffix in _legalSuffixes)
        {
            if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal))
                return name[..^suffix.Length].TrimEnd();
        }
        return name;
    }

    private string BaseKey(string text, string type) => NameKey.Of(type == "Organization" ? StripLegalSuffix(text) : text);

    /// <summary>The canonical name: the lexicon's, else the fullest Latin spelling seen, else the fullest Chinese one.</summary>
    private void Name(EntityCluster cluster)
    {
        var entry = cluster.LexiconId is null ? null : lexicon.ById(cluster.LexiconId);
        var surfaces = cluster.Mentions.Select(m => m.Text).Distinct(StringComparer.Ordinal).ToList();
        foreach (var surface in surfaces) cluster.KnownNames.Add(surface);
        cluster.Name = entry?.Name
                       ?? surfaces.Where(s => !s.Any(IsHan)).OrderByDescending(s => s.Length).FirstOrDefault()
                       ?? surfaces.OrderByDescending(s => s.Length).First();
        cluster.ChineseName = entry?.ChineseNames.FirstOrDefault()
                              ?? surfaces.Where(s => s.Any(IsHan)).OrderByDescending(s => s.Length).FirstOrDefault();
        if (cluster.Id.Length == 0)
            cluster.Id = $"{ontology.EntityType(cluster.Type).IdPrefix}:{Slug(cluster.Name)}";
    }

    /// <summary>Lower-case words joined by hyphens; Chinese characters are kept as they are.</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in NameKey.Of(name.Replace(' ', '-').Replace('·', '-')))
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }

}
