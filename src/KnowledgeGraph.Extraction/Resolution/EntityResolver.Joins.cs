using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

// Which mentions are one entity whatever their names: spellings in brackets, renamings, former names, Latin short names, surnames of full names, short forms of full names.
public sealed partial class EntityResolver
{
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
    /// either stands: the lexicon's identity wins, else (both or neither known to it) the earlier name's, unless the
    /// lexicon keeps the earlier one as the later one's former name (resolution/former-names.tsv).
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
            if (gone == kept || OwnsTheOther(kept, gone)) continue;
            if (!gone.Contains('|') && kept.Contains('|')) (kept, gone) = (gone, kept);
            else if (_presentNames.GetValueOrDefault(kept) == gone) (kept, gone) = (gone, kept);
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

    /// <summary>
    /// Whether the lexicon holds one of the two as the other's unit (达摩院，前身是阿里巴巴收购的…): a unit of a company is
    /// never that company renamed, so the words between the two names are about something else.
    /// </summary>
    private bool OwnsTheOther(string key, string otherKey) =>
        lexicon.ById(key)?.Owner == otherKey || lexicon.ById(otherKey)?.Owner == key;

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
}
