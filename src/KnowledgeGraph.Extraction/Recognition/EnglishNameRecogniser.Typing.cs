using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

// The type of a name no noun after it gives: from a cue before it, the list it is in, its owner, its words and its shape.
public sealed partial class EnglishNameRecogniser
{
    private string? TypeOf(Document document, MentionSpans spans, Sentence sentence, int start, int end, List<Token> words, bool titleBefore)
    {
        var text = document.Text;
        // A company noun right before the name outweighs a given name and a person's verb after it
        // (初创公司Alex Codes, 风险投资公司Playground Global担任…).
        if (!titleBefore && AfterOrganizationNoun(text, start)) return "Organization";
        if (LooksLikePersonName(words, text) && (titleBefore || IsListedAfterPerson(document, spans, start) || data.GivenNames.Contains(words[0].Text)
                                                 || IsListedFounder(text, sentence, start, end) || IsParagraphLabel(text, start, end))) return "Person";
        if (SpellsOrganizationBefore(document, spans, sentence, start, end)) return "Organization";
        if (ExtendedLexiconType(spans, start, end, words) is { } extended) return extended;
        var cued = data.TypeFromContext(text, start, end);
        if (cued == RecognitionData.NotAnEntity) return null;
        if (cued is not null && (cued != "Person" || LooksLikePersonName(words, text))) return cued;
        // A naming verb with a product noun before it or a kind of product after (一款名为Sky的Mac桌面AI助手, 这个工具叫GPT-BI).
        if (data.IsNamedAsProduct(text, start, end)) return "Product";
        if (HasOrganizationWord(words)) return "Organization";
        if (LooksLikeModelName(words) || FollowsKnownOrganization(spans, start)) return "Product";
        if (OwnedByCompany(document, spans, start, words) && !OrganizationNounFollows(document, sentence, end)) return "Product";
        if (IsEnumeratedAfterProduct(document, spans, start, end)) return "Product";
        if (AfterProductNoun(text, start) || SpellsProductBefore(document, sentence, start, end)) return "Product";
        if (words.Count == 1 && words[0].Text.Length < 3) return null;
        if (LooksLikePersonName(words, text)) return IsEnumeratedAfterOrganization(document, spans, start) ? "Organization" : null;
        return "Organization";
    }

    /// <summary>
    /// Capitalised words enumerated right after an organization (Lightspeed、Hallwood Media) are the next item of a
    /// list of organizations, not a person's name.
    /// </summary>
    private static bool IsEnumeratedAfterOrganization(Document document, MentionSpans spans, int start) =>
        start > 1 && document.Text[start - 1] == '、' && spans.EndingAt(start - 1).Any(m => m.Type == "Organization");

    /// <summary>
    /// A name enumerated right after a product (Atlassian的Jira、Fennick) is the next item of a list of products when
    /// nothing else types it, as one after an organization is the next organization. A name followed by 的 owns the
    /// next item instead (OpenAI的Sora、Luma的Ray): it is the next item's maker.
    /// </summary>
    private static bool IsEnumeratedAfterProduct(Document document, MentionSpans spans, int start, int end) =>
        start > 1 && document.Text[start - 1] == '、' && !(end < document.Text.Length && document.Text[end] == '的')
        && spans.EndingAt(start - 1).Any(m => m.Type == "Product");

    /// <summary>
    /// A name written right after a known organization's Chinese name is something of that organization's
    /// (苹果Xcode, 百度Apollo): its product, when nothing else types it.
    /// </summary>
    private static bool FollowsKnownOrganization(MentionSpans spans, int start) =>
        spans.EndingAt(start).Any(m => m.Source == MentionSource.Lexicon && m.Type == "Organization" && m.Text.Any(IsHan));

    /// <summary>
    /// A name written as a company's thing (Agility Robotics的Digit, Humane的Pin) is its product when nothing else
    /// types it. A university's or an institute's thing is a lab or a programme instead (慕尼黑大学的CompVis), and a
    /// short acronym (Meta的FAIR) may as well be one of the company's units: both are left to the default.
    /// </summary>
    private bool OwnedByCompany(Document document, MentionSpans spans, int start, List<Token> words) =>
        start > 1 && document.Text[start - 1] == '的' && spans.EndingAt(start - 1).Any(IsCompany)
        && !(words.Count == 1 && words[0].Text.Length <= MaxAcronymLength && words[0].Text.All(char.IsAsciiLetterUpper));

    /// <summary>
    /// An organization the lexicon calls a company, or an unknown one written in Latin letters; an unknown Chinese
    /// name may as well be a university's or an institute's.
    /// </summary>
    private bool IsCompany(Mention mention) =>
        mention.Type == "Organization" && (mention.LexiconId is { } id ? lexicon.ById(id)?.Kind == "company" : !mention.Text.Any(IsHan));

    private const int MaxAcronymLength = 5;

    /// <summary>
    /// A word of a company's name (Labs, Technologies) among the words. AI before a size or a version is part of a
    /// model's name (Rakuten AI 7B), not a company's ending. A loop, not a lambda over the words: a lambda capturing
    /// them would cost <see cref="TypeOf"/> an allocation on every call, however early it returns.
    /// </summary>
    private static bool HasOrganizationWord(List<Token> words)
    {
        foreach (var word in words)
        {
            if (OrganizationWords.Contains(word.Text) && !(word.Text == "AI" && words.Any(IsSizeOrVersionCode))) return true;
        }
        return false;
    }

    /// <summary>A word of letters and digits (7B, V2, 4o) that sizes or numbers a model, unlike a plain version (2.0).</summary>
    private static bool IsSizeOrVersionCode(Token word) => word.Text.Any(char.IsDigit) && word.Text.Any(char.IsLetter);

    /// <summary>
    /// An organization's noun among the next two words (慕尼黑大学的CompVis研究团队) makes the name a group of the
    /// owner, not its product: the nouns are the context cues that type an organization from after it.
    /// </summary>
    private bool OrganizationNounFollows(Document document, Sentence sentence, int end)
    {
        var following = document.TokensOf(sentence).Where(t => t.Range.Start >= end).Take(2);
        return following.Any(t => t.Tag is "n" or "nt" or "ng" && _organizationNounsAfter.Contains(t.Text));
    }

    /// <summary>The context cues that type an organization from after it (研究团队, 实验室), as a set read once.</summary>
    private readonly HashSet<string> _organizationNounsAfter = data.ContextCues
        .Where(c => c.Position == CuePosition.After && c.Type == "Organization").Select(c => c.Word).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A Latin name in brackets spells the organization's name before it: one already found (三星证券（Samsung
    /// Securities）), or a Chinese term that an organization noun introduces (背后的公司蝴蝶效应（Butterfly Effect）),
    /// which is then a name too.
    /// </summary>
    private bool SpellsOrganizationBefore(Document document, MentionSpans spans, Sentence sentence, int start, int end)
    {
        var text = document.Text;
        if (start < 3 || text[start - 1] is not ('（' or '(') || end >= text.Length || text[end] is not ('）' or ')')) return false;
        var close = start - 1;
        var before = spans.EndingAt(close);
        if (before.Count > 0) return before.Any(m => m.Type == "Organization");
        var term = document.TokensOf(sentence).LastOrDefault(t => t.Range.End == close);
        if (term is null || term.Text.Length < 2 || !term.Text.All(IsHan) || data.IsGeneric(term.Text)) return false;
        if (!IntroducedAsOrganization(text, term)) return false;
        Add(document, spans, new Mention(term.Range, term.Text, "Organization", MentionSource.Pattern, 0.75) { Sentence = sentence.Index });
        return true;
    }

    /// <summary>An organization noun stands right before the term (公司蝴蝶效应): the term is the organization's name.</summary>
    private bool IntroducedAsOrganization(string text, Token term) => AfterOrganizationNoun(text, term.Range.Start);

    /// <summary>
    /// A product's noun right before the name (推理芯片RNGD, 知识图谱项目Probase, 机器学习平台Turi) introduces the product
    /// it names, as an organization's noun introduces an organization: read only where nothing else typed the name.
    /// </summary>
    private bool AfterProductNoun(string text, int start) =>
        RecognitionData.MatchEndingAt(data.ProductCues, text, start) is not null
        || data.HeadNouns.Any(h => h.Type == "Product" && EndsAt(text, start, h.Noun));

    /// <summary>
    /// A Latin name in brackets spelling a Chinese name that a product's noun introduces (深度学习框架天元（MegEngine）,
    /// 推理引擎“赤兔”（Chitu）) names that product.
    /// </summary>
    private bool SpellsProductBefore(Document document, Sentence sentence, int start, int end)
    {
        var text = document.Text;
        if (start < 3 || text[start - 1] is not ('（' or '(') || end >= text.Length || text[end] is not ('）' or ')')) return false;
        var close = start - 1;
        var quoted = text[close - 1] is '”' or '」' or '"';
        if (quoted) close--;
        var term = document.TokensOf(sentence).LastOrDefault(t => t.Range.End == close);
        if (term is null || term.Text.Length < 2 || !term.Text.All(IsHan)) return false;
        var termStart = quoted && term.Range.Start > 0 && text[term.Range.Start - 1] is '“' or '「' or '"' ? term.Range.Start - 1 : term.Range.Start;
        return AfterProductNoun(text, termStart);
    }

    private bool AfterOrganizationNoun(string text, int start) =>
        data.HeadNouns.Any(h => h.Type == "Organization" && EndsAt(text, start, h.Noun)) || TraderNouns.Any(noun => EndsAt(text, start, noun));

    private static bool EndsAt(string text, int at, string word) =>
        at >= word.Length && string.CompareOrdinal(text, at - word.Length, word, 0, word.Length) == 0;

    /// <summary>
    /// A trader's, an operator's or a shop's noun (出行运营商, 客服外包商, 连锁便利店) before an unknown Latin name introduces
    /// an organization, as a head noun does; after a name it types nothing (苹果供应商 is who supplies Apple).
    /// </summary>
    private static readonly string[] TraderNouns = LanguageData.EmbeddedWords.List("recognition/organization-words.tsv", "trader-nouns");

    /// <summary>
    /// A run that starts with or ends in a known name and adds words to it is another thing named after it:
    /// a model's version (Kimi k1.5, ERNIE 4.0), a company's fund (AMD Ventures) or product (AMD Instinct).
    /// </summary>
    private string? ExtendedLexiconType(MentionSpans spans, int start, int end, List<Token> words)
    {
        if (IsVersionOfKnownName(words[0].Text)) return "Product";
        var inner = spans.Within(new TextRange(start, end)).Where(m => m.Source == MentionSource.Lexicon).OrderBy(m => m.Range.Start).ToList();
        if (MentionSelector.OpensWithMakerOfProduct(inner, new TextRange(start, end))) inner.RemoveAt(0);
        if (inner.Count != 1 || inner[0].Range.Length == end - start) return null;
        // A company's word after a known name names another organization (AMD Ventures, Helix Robotics); a feature
        // word after a known product's name opening the run names one of its features (Gemini Deep Research).
        var extendsProduct = inner[0].Type == "Product" && inner[0].Range.Start == start;
        if (words.Any(w => StrongOrganizationWords.Contains(w.Text) && !(extendsProduct && FeatureWords.Contains(w.Text)))) return "Organization";
        return inner[0].Type is "Product" or "Organization" ? "Product" : null;
    }

    /// <summary>Words that make a name an organization even when it starts with another one's name (AMD Ventures).</summary>
    private static readonly HashSet<string> StrongOrganizationWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "strong-organization-words");

    /// <summary>Strong organization words that name a feature after a known product's name (Gemini Deep Research).</summary>
    private static readonly HashSet<string> FeatureWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "feature-words");

    private bool IsVersionOfKnownName(string word)
    {
        var cut = word.IndexOfAny(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
        return cut >= 2 && cut < word.Length - 1 && _knownLatinNames.Contains(word[..cut]);
    }

    /// <summary>
    /// A word of letters and digits (GPT-4o, 7B), a version number after the name (INMO Air 3), or a model's edition
    /// or letter after it (Rokid Max, Solar Pro, AION S, Gripen E): companies are not named with either.
    /// </summary>
    private static bool LooksLikeModelName(List<Token> words) =>
        words.Any(w => w.Text.Any(char.IsDigit) && w.Text.Any(char.IsLetter))
        || words.Count >= 2 && (words[^1].Tag == "m" || EditionWords.Contains(words[^1].Text) || IsModelLetter(words[^1].Text));

    /// <summary>Words that name a model's edition after its series (Max, Pro, Ultra), never a company's ending.</summary>
    private static readonly HashSet<string> EditionWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "edition-words");

    /// <summary>One capital letter closing a name (Model Y, AION S) is the model's letter; a person's initial comes before the surname.</summary>
    private static bool IsModelLetter(string word) => word.Length == 1 && char.IsAsciiLetterUpper(word[0]);
}
