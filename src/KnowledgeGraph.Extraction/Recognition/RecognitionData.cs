using KnowledgeGraph.Extraction.LanguageData;

namespace KnowledgeGraph.Extraction.Recognition;

public enum CuePosition { Before, After }

public sealed record ContextCue(CuePosition Position, string Type, string Word);

/// <summary>The word lists recognisers share, loaded once from <c>LanguageData/recognition</c>.</summary>
public sealed partial class RecognitionData
{
    public RecognitionData(LanguageResources resources)
    {
        Titles = LongestFirst(resources.Lines("recognition/titles.txt"));
        OrganizationSuffixes = LongestFirst(resources.Lines("recognition/org-suffixes.txt"));
        SubOrganizationSuffixes = LongestFirst(resources.Lines("recognition/sub-organization-suffixes.txt"));
        UnitBusinessWords = LongestFirst(resources.Lines("recognition/unit-business-words.txt"));
        StatedUnitWords = LongestFirst(resources.Lines("recognition/stated-unit-words.txt"));
        UnitStatementWords = resources.Lines("recognition/unit-statement-words.txt");
        OwnerWords = resources.Lines("recognition/owner-words.txt").Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        ProductCues = LongestFirst(resources.Lines("recognition/product-cues.txt"));
        DeviceNouns = LongestFirst(resources.Lines("recognition/device-nouns.txt"));
        NonProductEndings = LongestFirst(resources.Lines("recognition/non-product-endings.txt"));
        CoinedNameKinds = resources.Rows("recognition/coined-name-kinds.tsv", 2)
            .Select(r => (Kind: r[0].Trim(), PartOfName: r[1].Trim() == "name"))
            .OrderByDescending(k => k.Kind.Length)
            .ToList();
        ProductKindModifiers = resources.Lines("recognition/product-kind-modifiers.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        var naming = resources.Rows("recognition/product-naming-words.tsv", 2);
        IReadOnlyList<string> NamingOf(string kind) => LongestFirst(naming.Where(r => r[0].Trim() == kind).Select(r => r[1]));
        ProductNamingNouns = NamingOf("noun");
        ProductNamingVerbs = NamingOf("verb");
        QuotedProductKinds = NamingOf("quoted");
        ProductKindsAfterNames = LongestFirst(ProductCues.Concat(NamingOf("kind")));
        GenericWords = resources.Lines("recognition/generic-words.txt").Select(l => l.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        EnglishStopwords = resources.Lines("recognition/english-stopwords.txt").Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        GivenNames = resources.Lines("recognition/given-names.txt").Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        Surnames = resources.Lines("recognition/surnames.txt").Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        TransliterationCharacters = string.Concat(resources.Lines("recognition/transliteration-chars.txt").Select(l => l.Trim())).ToHashSet();
        InnerGivenNameCharacters = string.Concat(resources.Lines("recognition/inner-given-name-characters.txt").Select(l => l.Trim())).ToHashSet();
        ContextCues = resources.Rows("recognition/context-cues.tsv", 3)
            .Select(r => new ContextCue(r[0].Trim() == "before" ? CuePosition.Before : CuePosition.After, r[1].Trim(), r[2].Trim()))
            .OrderByDescending(c => c.Word.Length)
            .ToList();
        HeadNouns = resources.Rows("recognition/head-nouns.tsv", 2)
            .Select(r => (Type: r[0].Trim(), Noun: r[1].Trim()))
            .OrderByDescending(h => h.Noun.Length)
            .ToList();
        ModifierVerbs = resources.Lines("recognition/modifier-verbs.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        LexiconTypeCues = resources.Rows("recognition/lexicon-type-cues.tsv", 3)
            .Select(r => new ContextCue(r[0].Trim() == "before" ? CuePosition.Before : CuePosition.After, r[1].Trim(), r[2].Trim()))
            .OrderByDescending(c => c.Word.Length)
            .ToList();
        GatedShortForms = resources.Rows("recognition/gated-short-forms.tsv", 2).ToDictionary(r => r[0].Trim(), r => r[1].Trim(), StringComparer.Ordinal);
        SuffixCompounds = LongestFirst(resources.Lines("recognition/suffix-compounds.txt"));
        WeakCues = resources.Lines("recognition/weak-cues.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        PostVerbs = LongestFirst(resources.Lines("recognition/post-verbs.txt"));
        OrganizationNameOpeners = LongestFirst(resources.Lines("recognition/org-name-openers.txt"));
        CueAdverbs = LongestFirst(resources.Lines("recognition/cue-adverbs.txt"));
        FoundingVerbs = LongestFirst(resources.Lines("recognition/founding-verbs.txt"));
        TickerCues = resources.Rows("recognition/ticker-cues.tsv", 2)
            .Select(r => (Position: r[0].Trim() == "before" ? CuePosition.Before : CuePosition.After, Word: r[1].Trim()))
            .OrderByDescending(c => c.Word.Length)
            .ToList();
        PersonIntroducers = LongestFirst(Titles.Concat(ContextCues.Where(c => c.Position == CuePosition.Before && c.Type == "Person").Select(c => c.Word)));
        CofounderDescriptions = LongestFirst(resources.Lines("recognition/cofounder-descriptions.txt").Concat(Titles));
    }

    public IReadOnlyList<string> Titles { get; }

    /// <summary>Words around a stock code (股票代码, NASDAQ:, 为代码): the capitals next to them are a ticker, no name.</summary>
    public IReadOnlyList<(CuePosition Position, string Word)> TickerCues { get; }

    /// <summary>Words that begin with an organization's ending but are no ending (智能驾驶, 科技园).</summary>
    public IReadOnlyList<string> SuffixCompounds { get; }

    /// <summary>Cue words (平台) that name products and companies alike: the type they give is weak evidence.</summary>
    public IReadOnlySet<string> WeakCues { get; }

    /// <summary>The confidence of a reading that only a weak cue gave: above a guess from the name's shape, below any other cue.</summary>
    public const double WeakCueConfidence = 0.55;

    /// <summary>Verbs of taking or holding a post (任, 出任, 现任) that a title follows.</summary>
    public IReadOnlyList<string> PostVerbs { get; }

    /// <summary>Words before an organization's name that the segmenter may join to it (赴, 消息称, 平台).</summary>
    public IReadOnlyList<string> OrganizationNameOpeners { get; }

    /// <summary>Verbs of founding (创立, 创办, 联合创办) that close a list of founders after 由.</summary>
    public IReadOnlyList<string> FoundingVerbs { get; }

    /// <summary>Words before a co-founder's name that describe them (前同事, 大学同学) and titles (前主任), longest first.</summary>
    public IReadOnlyList<string> CofounderDescriptions { get; }
    public IReadOnlyList<string> OrganizationSuffixes { get; }

    /// <summary>Endings after a known organization that name its fund, lab or division (吉利资本, 百度研究院).</summary>
    public IReadOnlyList<string> SubOrganizationSuffixes { get; }

    /// <summary>Businesses after a known organization (滴滴自动驾驶, 京东零售) that name its unit when a company's cue follows.</summary>
    public IReadOnlyList<string> UnitBusinessWords { get; }

    /// <summary>Words after a known organization (ABB机器人, 蔚来中国, 英特尔投资) that name its unit only where the text states it is one.</summary>
    public IReadOnlyList<string> StatedUnitWords { get; }

    /// <summary>Words that, after 「X是」, say X is another organization's unit (旗下, 子公司, 业务主体).</summary>
    public IReadOnlyList<string> UnitStatementWords { get; }
    public IReadOnlyList<string> ProductCues { get; }

    /// <summary>Endings that make a quoted phrase a plan, a place or a programme (计划, 工厂, 基础设施), not a product's name.</summary>
    public IReadOnlyList<string> NonProductEndings { get; }

    /// <summary>Kinds of product a coined Chinese name stands right before (观澜大模型, 蜂鸟芯片), longest first, and whether the kind is part of the name.</summary>
    public IReadOnlyList<(string Kind, bool PartOfName)> CoinedNameKinds { get; }

    /// <summary>Words before a kind of product that say what it is for or how it stands (医疗大模型, 手机芯片, 旗舰系列): no coined name.</summary>
    public IReadOnlySet<string> ProductKindModifiers { get; }

    /// <summary>Nouns whose quoted name right after them is the product's own, whatever its words (产品“听澜”).</summary>
    public IReadOnlyList<string> ProductNamingNouns { get; }

    /// <summary>
    /// Kinds of product (助手, 工具, 应用) whose quoted name right after them is the product's own whatever its words, unless
    /// the quote is a phrase of emphasis (AI助手“投流大战”).
    /// </summary>
    public IReadOnlyList<string> QuotedProductKinds { get; }

    /// <summary>Naming verbs (名为, 名叫) that put a product's name in quotes after them.</summary>
    public IReadOnlyList<string> ProductNamingVerbs { get; }

    /// <summary>Product nouns and other kinds of product (方案) that may follow a named name after 的 (名为“X”的质检方案).</summary>
    public IReadOnlyList<string> ProductKindsAfterNames { get; }

    /// <summary>Devices named as maker + Latin tag + noun (小米AI眼镜).</summary>
    public IReadOnlyList<string> DeviceNouns { get; }

    /// <summary>Words that say a unit belongs to the organization before them (旗下, 下属) rather than name it.</summary>
    public IReadOnlySet<string> OwnerWords { get; }
    public IReadOnlySet<string> GenericWords { get; }
    public IReadOnlySet<string> EnglishStopwords { get; }
    public IReadOnlySet<string> Surnames { get; }

    /// <summary>Given names in Latin letters (Sergey, Chelsea) that make a capitalised run a person's name.</summary>
    public IReadOnlySet<string> GivenNames { get; }
    public IReadOnlySet<char> TransliterationCharacters { get; }

    /// <summary>Characters that end names elsewhere (之, 同) but may open a two-character given name (魏之远, 赵同阳).</summary>
    public IReadOnlySet<char> InnerGivenNameCharacters { get; }
    public IReadOnlyList<ContextCue> ContextCues { get; }

    /// <summary>Nouns a name can modify, with the type they give it; type <see cref="NotAnEntity"/> rules the name out.</summary>
    public IReadOnlyList<(string Type, string Noun)> HeadNouns { get; }

    /// <summary>
    /// Verbs that say what a product does and stand as a modifier before its noun (推理芯片, 驾驶系统, 知名数据库),
    /// unlike the verbs a company acts by (发布芯片), which a name's noun never runs across.
    /// </summary>
    public IReadOnlySet<string> ModifierVerbs { get; }

    /// <summary>Contexts in which a lexicon name takes the other of its possible types (Facebook联合创始人).</summary>
    public IReadOnlyList<ContextCue> LexiconTypeCues { get; }

    /// <summary>Short forms of known companies that are ordinary words too (理想, 大众), with the company's lexicon id.</summary>
    public IReadOnlyDictionary<string, string> GatedShortForms { get; }

    public const string NotAnEntity = "-";

    /// <summary>Words after which a name is a person's: titles, 创始人, 教授 …</summary>
    public IReadOnlyList<string> PersonIntroducers { get; }

    /// <summary>
    /// The title or role right before a name, with a copula between them allowed (首席执行官为Dani Yogatama,
    /// 创始人是…), or null.
    /// </summary>
    public string? PersonIntroducerBefore(string text, int start)
    {
        if (MatchEndingAt(PersonIntroducers, text, start) is { } introducer) return introducer;
        return start > 0 && text[start - 1] is '为' or '是' or '：' or ':' ? MatchEndingAt(PersonIntroducers, text, start - 1) : null;
    }

    public bool IsGeneric(string text) => GenericWords.Contains(text.Trim());

    public bool IsTransliteration(string text)
    {
        foreach (var c in text)
        {
            if (c != '·' && !TransliterationCharacters.Contains(c)) return false;
        }
        return text.Length > 0;
    }

    public bool StartsWithSurname(string text) =>
        text.Length >= 2 && (Surnames.Contains(text[..1]) || text.Length >= 3 && Surnames.Contains(text[..2]));

    /// <summary>The type an unknown name gets from the words right around it, if any.</summary>
    public string? TypeFromContext(string text, int start, int end) => CueAround(text, start, end)?.Type;

    /// <summary>The context cue right around an unknown name that types it, if any; cues after the name win.</summary>
    public ContextCue? CueAround(string text, int start, int end)
    {
        var after = text.AsSpan(end).TrimStart(' ');
        if (CueOpening(after) is { } cue) return cue;
        if (AdverbAt(after) is { } adverb && CueOpening(after[adverb.Length..]) is { } cueAfterAdverb) return cueAfterAdverb;
        var before = text.AsSpan(0, start).TrimEnd(' ').TrimEnd("《“「\"'").TrimEnd('了');
        foreach (var cueBefore in ContextCues)
        {
            if (cueBefore.Position == CuePosition.Before && !DiffersAt(before, ^1, cueBefore.Word) && before.EndsWith(cueBefore.Word, StringComparison.Ordinal)) return cueBefore;
        }
        return null;
    }

    /// <summary>The first cue after a name, in the file's order, that opens <paramref name="after"/>.</summary>
    private ContextCue? CueOpening(ReadOnlySpan<char> after)
    {
        foreach (var cue in ContextCues)
        {
            if (cue.Position == CuePosition.After && !DiffersAt(after, 0, cue.Word) && after.StartsWith(cue.Word, StringComparison.Ordinal) && !IsPersonNoun(cue, after)) return cue;
        }
        return null;
    }

    /// <summary>
    /// True when the text cannot open (index 0) or end (^1) with the word for the character there alone: a test before the
    /// comparison, for most cues differ at once.
    /// </summary>
    private static bool DiffersAt(ReadOnlySpan<char> text, Index at, string word) =>
        word.Length > 0 && (text.Length == 0 || text[at] != word[at]);

    /// <summary>The type the cues of <paramref name="cues"/> give the name at start..end, if any.</summary>
    public static string? TypeFromCues(IReadOnlyList<ContextCue> cues, string text, int start, int end)
    {
        foreach (var cue in cues)
        {
            // One character first (the cue's first after the name, its last before it): most cues differ there.
            var word = cue.Word;
            if (cue.Position == CuePosition.After && (word.Length == 0 || end < text.Length && text[end] == word[0])
                && string.CompareOrdinal(text, end, word, 0, word.Length) == 0) return cue.Type;
            if (cue.Position == CuePosition.Before && start >= word.Length && (word.Length == 0 || text[start - 1] == word[^1])
                && string.CompareOrdinal(text, start - word.Length, word, 0, word.Length) == 0) return cue.Type;
        }
        return null;
    }

    /// <summary>The word of time or manner (昨日, 近日) that opens <paramref name="after"/>, if any.</summary>
    private string? AdverbAt(ReadOnlySpan<char> after)
    {
        foreach (var adverb in CueAdverbs)
        {
            if (after.StartsWith(adverb, StringComparison.Ordinal)) return adverb;
        }
        return null;
    }

    /// <summary>Words of time and manner between a name and the cue after it (Grab昨日宣布), longest first.</summary>
    public IReadOnlyList<string> CueAdverbs { get; }

    /// <summary>A verb of what people do followed by 人 is a noun for a person of the thing before (App Store负责人).</summary>
    private static bool IsPersonNoun(ContextCue cue, ReadOnlySpan<char> after) =>
        cue.Type == "Person" && after.Length > cue.Word.Length && after[cue.Word.Length] == '人';

    /// <summary>Quantities (10TB, 4NP, 70B, 508TOPS, 3.2GHz) and bare versions (V3.0) are not names even when written like one.</summary>
    public static bool IsQuantityOrVersion(string word) => QuantityOrVersion().IsMatch(word);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\d+(?:\.\d+)?(?:[A-Za-z]{1,3}|[TPE]?FLOPS|TOPS|[GMK]Hz|[GT]bps|mAh)|[Vv]\d+(?:\.\d+)*)$")]
    private static partial System.Text.RegularExpressions.Regex QuantityOrVersion();

    /// <summary>
    /// The version written right after a product name at <paramref name="position"/> (4.0, V3.0, " 4", 2.5 Pro, 8 Gen 3),
    /// or null; a number followed by a unit or a counter (8卡, 30亿, 2024年) is a quantity, not a version.
    /// </summary>
    public static string? VersionAfter(string text, int position)
    {
        var match = Version().Match(text, position);
        if (!match.Success || match.Index != position) return null;
        var end = position + match.Length;
        return end < text.Length && QuantityCharacters.Contains(text[end]) ? null : match.Value;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\G ?(?:[Vv]\d+(?:\.\d+)*|\d{1,2}(?:\.\d+)*)(?: ?(?:Pro|Max|Turbo|Ultra|Plus|Flash|Lite|Mini|mini|Elite|Gen \d))?(?![A-Za-z0-9.])")]
    private static partial System.Text.RegularExpressions.Regex Version();

    private static readonly string QuantityCharacters = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "version-stops");

    /// <remarks>A loop, not a query, for the reason <see cref="MatchEndingAt"/> gives; the first character is compared before the rest.</remarks>
    public static string? MatchStartingAt(IReadOnlyList<string> longestFirst, string text, int start, int limit)
    {
        for (var i = 0; i < longestFirst.Count; i++)
        {
            var word = longestFirst[i];
            if (start + word.Length > limit || word.Length > 0 && (start >= text.Length || text[start] != word[0])) continue;
            if (string.CompareOrdinal(text, start, word, 0, word.Length) == 0) return word;
        }
        return null;
    }

    /// <summary>How far after a named name and 的 the kind of product it names may end (名为“X”的企业级AI智能体系统).</summary>
    private const int MaxKindDescriptionLength = 12;

    /// <summary>
    /// Whether the words around a name say it is a product's own name: a noun that is the product itself ending at
    /// <paramref name="before"/> (第一款产品“听澜”), or a naming verb there with a product noun before it (产品名叫“量仓”,
    /// 这个工具叫GPT-BI) or a kind of product after 的 at <paramref name="after"/> (一款名为Sky的Mac桌面AI助手).
    /// </summary>
    public bool IsNamedAsProduct(string text, int before, int after)
    {
        if (MatchEndingAt(ProductNamingNouns, text, before) is not null) return true;
        if (MatchEndingAt(ProductNamingVerbs, text, before) is not { } verb) return false;
        return MatchEndingAt(ProductCues, text, before - verb.Length) is not null || IsKindAfter(text, after);
    }

    /// <summary>After 的, a short description ending in a kind of product that no organization's ending follows (的智驾方案, not 的芯片公司).</summary>
    private bool IsKindAfter(string text, int at)
    {
        if (at >= text.Length || text[at] != '的') return false;
        for (var end = at + 2; end <= Math.Min(text.Length, at + 1 + MaxKindDescriptionLength); end++)
        {
            if (text[end - 1] is '，' or ',' or '。' or '；' or '、' or '：' or '“' or '”' or '"') return false;
            if (MatchEndingAt(ProductKindsAfterNames, text, end) is not null && MatchStartingAt(OrganizationSuffixes, text, end, text.Length) is null)
                return true;
        }
        return false;
    }

    /// <remarks>A loop, not a query: recognisers ask this at every token, and a query's closure is an allocation each time.</remarks>
    public static string? MatchEndingAt(IReadOnlyList<string> longestFirst, string text, int end)
    {
        for (var i = 0; i < longestFirst.Count; i++)
        {
            var word = longestFirst[i];
            // The last character first, as MatchStartingAt tests the first: most words of a list end otherwise.
            if (end - word.Length < 0 || word.Length > 0 && (end > text.Length || text[end - 1] != word[^1])) continue;
            if (string.CompareOrdinal(text, end - word.Length, word, 0, word.Length) == 0) return word;
        }
        return null;
    }

    private static IReadOnlyList<string> LongestFirst(IEnumerable<string> words) =>
        words.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().OrderByDescending(w => w.Length).ToList();
}
