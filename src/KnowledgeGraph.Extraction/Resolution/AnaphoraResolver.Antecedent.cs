using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

// One organization or product an anaphor (该公司, 其, a title without its organization) points back to, and which candidates it may not mean.
public sealed partial class AnaphoraResolver
{
    /// <remarks>
    /// A gap (a title without its organization; <paramref name="resolved"/> holds the anaphors resolved so far) is
    /// at the organization that opens the sentence as its subject, a description resolved before (这家公司) included
    /// (so is 其 further on in a sentence a description opens: 「收购B。这家总部在纽约的公司…，交易完成后，其创始人A…」 is B's):
    /// in 「这家公司成立于2023年，由前Meta研究员A创立，A出任CEO」 and 「Meta入股Scale AI，并邀请其创始人王出任首席AI官」 the
    /// post is at the company the sentence is about, not at the one describing a person.
    /// </remarks>
    private Mention? Antecedent(Document document, ILookup<int, Mention> byParagraph, IReadOnlyList<Mention> resolved, bool gap, Dictionary<EntityCluster, List<int>> namings,
        HashSet<Mention> backers, Sentence sentence, int position, int anaphorStart, bool mayContinueSubject, string type, bool topical,
        bool company, bool sentenceSubject, (string Noun, bool Only)? head, HashSet<EntityCluster> movedTo, HashSet<string>? kindsNotMeant = null)
    {
        var named = byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
            .Concat(gap ? DescriptionsResolved(document, resolved, sentence, type)
                : mayContinueSubject ? DescriptionsResolved(document, resolved, sentence, type).Where(m => ContinuesSubject(document, sentence, m, topical))
                : [])
            .Where(m => m.Range.End <= position && !movedTo.Contains(m.Entity!))
            .OrderBy(m => m.Range.Start)
            .ToList();
        if (gap && named.FirstOrDefault(m => m.Sentence == sentence.Index) is { } opening && opening.Type == type
            && OpensClause(document, sentence, opening.Range.Start) && !DescribesPerson(document, opening, sentence)
            && (OnePersonBetween(document, byParagraph, resolved, sentence, opening.Range.End, anaphorStart) || AfterItsFounders(document, sentence, opening, anaphorStart))) return opening;
        var candidates = named.Where(m => m.Type == type && !(company && IsNoCompanyHere(document, m)) && !(topical && IsAgentOfPassive(document, m))).ToList();
        if (head is var (noun, only))
        {
            var headed = NamedWithHead(document, noun);
            var same = candidates.Where(m => headed.Contains(m.Entity!)).ToList();
            // A bare head noun goes back as far as the text has named one (集团 several paragraphs after 现代汽车集团).
            if (same.Count == 0 && only)
                same = document.Mentions.Where(m => !m.IsAnaphor && m.Entity is { } e && headed.Contains(e) && m.Range.End <= position).TakeLast(1).ToList();
            if (same.Count > 0 || only) candidates = same;
        }
        // 该模型 is no chip named before it, 这套系统 no model: a product the lexicon knows as another kind is passed over.
        if (kindsNotMeant is not null)
            candidates = candidates.Where(m => !(m.Entity!.LexiconId is { } id && _lexicon.ById(id)?.Kind is { } kind && kindsNotMeant.Contains(kind))).ToList();
        if (candidates.Count == 0) return null;
        // The company a paragraph is about is not one of the backers of its round (「…由启明创投领投，达泰资本…跟投。去年6月，该公司还…」).
        if (candidates.Any(m => !backers.Contains(m))) candidates = candidates.Where(m => !backers.Contains(m)).ToList();
        // A title left without its organization (创始人兼CEO A) or a description of the company (其, 该公司) is not a backer's
        // when the company raising the round went unrecognised (「另一家初创公司X也完成天使轮融资，由B投资。创始人兼CEO A…」).
        else return null;
        // An organization anaphor that opens a later sentence of the paragraph as its subject (「今年7月，该公司又发布了…」)
        // continues the subject of the paragraph's sentences before, not a name inside them (「…以及Databricks联合创始人…」).
        if (type == "Organization" && mayContinueSubject && candidates[^1].Sentence != sentence.Index && OpensClause(document, sentence, anaphorStart))
        {
            // Nor is it a company named in a clause of time before the main one (「去年微软调整该部门后，他…」).
            var main = candidates.Where(m => !InClauseOfTime(document, m)).ToList();
            if (main.Count > 0) candidates = main;
            var subjects = candidates.Where(m => document.Sentences[m.Sentence].Paragraph == sentence.Paragraph
                                                 && OpensClause(document, document.Sentences[m.Sentence], m.Range.Start) && !OpensList(document, m)).ToList();
            if (subjects.Count > 0) candidates = subjects;
            // A subject that leads its sentence comes before one that opens a later clause of it (「Motional成立于2020年，现代汽车与
            // 安波福各出资…。该公司…」, 「…被东风、领克等品牌采用，领克08即搭载了…。该公司又发布了…」): the later clause is an aside.
            var leading = subjects.Where(m => LeadsSentence(document, byParagraph, m)).ToList();
            if (leading.Count > 0) candidates = leading;
        }
        var inParagraph = candidates.Where(m => document.Sentences[m.Sentence].Paragraph == sentence.Paragraph).ToList();
        if (type == "Organization" && inParagraph.Count == 0 && (gap || IsBareCompany(document, anaphorStart)) && OpensParagraph(document, sentence, anaphorStart)
            && candidates.FirstOrDefault(m => OpensClause(document, document.Sentences[m.Sentence], m.Range.Start)) is { } subject) return subject;
        if (type == "Organization" && topical && company && !gap && inParagraph.Count == 0 && IsFirstOfParagraph(document, sentence)
            && ArticleTopic(document, namings, backers, movedTo, sentence, position) is { } topic) return topic;
        var nearby = inParagraph.Count > 0 ? inParagraph : candidates;
        var nearest = nearby.Last();
        if (!topical || IsTopical(document, nearest, position)) return nearest;
        // With scope sentence-subject, the subject that opens the anaphor's own sentence is what its later clauses go on about
        // (FuriosaAI由…创办，其第二代推理芯片…; Liquid AI与AMD达成合作，将在AMD的GPU上优化其模型…), however often the article names another;
        // so does one that opens the main clause after a clause of time, place or source that names no one (今年3月，…; 根据双方协议，…; 在教育领域，…).
        if (sentenceSubject && nearby.FirstOrDefault(m => m.Sentence == sentence.Index) is { } sentenceOpening && LeadsSentence(document, byParagraph, sentenceOpening)
            && OpensClause(document, sentence, sentenceOpening.Range.Start) && !DescribesPerson(document, sentenceOpening, sentence)
            && !NamedAgainInClause(document, byParagraph, sentenceOpening, position) && !OpensList(document, sentenceOpening)) return sentenceOpening;
        return nearby.OrderByDescending(m => NamedBefore(namings, m.Entity!, position)).ThenByDescending(m => m.Range.Start).First();
    }

    /// <summary>
    /// A description of the topic (这家公司, 该公司) in a paragraph's first sentence, with no company named before it there
    /// (「对很多人来说，这家公司还是个陌生名字」, 「这家公司去年底在港交所上市」), goes on about the company the article is about,
    /// the one named most often so far since its item began, not the last one the paragraph before named in passing (the
    /// customer, investor or rival that closed it). Never one the sentence says was left for the company (从DeepMind离职，…创办了这家公司).
    /// </summary>
    private Mention? ArticleTopic(Document document, Dictionary<EntityCluster, List<int>> namings, HashSet<Mention> backers, HashSet<EntityCluster> movedTo,
        Sentence sentence, int position) =>
        document.Mentions
            .Where(m => m is { Type: "Organization", IsAnaphor: false, Entity: not null } && m.Sentence >= 0 && m.Range.End <= position && !backers.Contains(m) && !movedTo.Contains(m.Entity!)
                        && !document.Separates(document.Sentences[m.Sentence].Paragraph, sentence.Paragraph) && !IsNoCompanyHere(document, m))
            .OrderByDescending(m => NamedBefore(namings, m.Entity!, position))
            .ThenByDescending(m => m.Range.Start)
            .FirstOrDefault();

    /// <summary>Written anaphors of the paragraph and the one before that stand for one entity (这家公司, not 双方).</summary>
    private static IEnumerable<Mention> DescriptionsResolved(Document document, IReadOnlyList<Mention> resolved, Sentence sentence, string type) =>
        resolved.Where(m => m.Range.Length > 0 && m.Type == type && Reaches(document, m, sentence))
            .GroupBy(m => m.Range)
            .Where(g => g.Count() == 1)
            .Select(g => g.First());

    /// <summary>Words that make an anaphor a description of a company (该公司, 这家企业, 公司).</summary>
    private static readonly string[] CompanyWords = LanguageData.EmbeddedWords.List("recognition/organization-words.tsv", "company-nouns");

    /// <summary>The head noun of a description: the anaphor without its determiner (该实验室, 这家研究院 → 实验室, 研究院).</summary>
    private static string HeadNoun(string anaphor)
    {
        foreach (var determiner in AnaphorDeterminers)
        {
            if (anaphor.StartsWith(determiner, StringComparison.Ordinal)) return anaphor[determiner.Length..];
        }
        return anaphor;
    }

    private static readonly string[] AnaphorDeterminers = LanguageData.EmbeddedWords.List("recognition/function-words.tsv", "anaphor-determiners");

    /// <summary>
    /// Organizations named somewhere in the text with the head noun at the end of the name (北京智源人工智能研究院 for 研究院),
    /// or introduced by it as what they are, the noun right before the name or after it and 的 (合资公司畅行智驾, 合资公司“SB OpenAI
    /// Japan”, 名为零跑国际（Leapmotor International）的合资公司).
    /// </summary>
    private static HashSet<EntityCluster> NamedWithHead(Document document, string noun) =>
        document.Mentions.Where(m => m.Type == "Organization" && m.Entity is not null && !m.IsAnaphor
                                     && (m.Text.EndsWith(noun, StringComparison.Ordinal) || IntroducedBy(document.Text, m.Range, noun)))
            .Select(m => m.Entity!)
            .ToHashSet();

    private static bool IntroducedBy(string text, TextRange name, string noun)
    {
        var before = name.Start;
        if (before > 0 && QuoteOpeners.Contains(text[before - 1])) before--;
        if (before >= noun.Length && string.CompareOrdinal(text, before - noun.Length, noun, 0, noun.Length) == 0) return true;
        var after = name.End;
        if (after < text.Length && QuoteClosers.Contains(text[after])) after++;
        // a gloss in brackets may stand between the name and 的 (零跑国际（Leapmotor International）的合资公司)
        if (after < text.Length && text[after] is '（' or '(')
        {
            var close = text.IndexOfAny(['）', ')'], after);
            if (close < 0 || close - after > 40) return false;
            after = close + 1;
        }
        return after + 1 + noun.Length <= text.Length && text[after] == '的' && string.CompareOrdinal(text, after + 1, noun, 0, noun.Length) == 0;
    }

    private const string QuoteOpeners = "“\"「";
    private const string QuoteClosers = "”\"」";

    /// <summary>
    /// A company anaphor (该公司, 这家公司, 公司的产品) does not point back to what is no company: a university, a government
    /// body or an institute, by the lexicon's kind or the name's ending (创始人毕业于早稻田大学，该公司的…), nor to a platform
    /// named as the place something happened (在GitHub上收获上万星标。这家成立于2021年的公司…).
    /// </summary>
    private bool IsNoCompanyHere(Document document, Mention mention)
    {
        if (mention.Entity?.LexiconId is { } id && _lexicon.ById(id)?.Kind is "university" or "government") return true;
        if (_nonCompanyEndings.Any(ending => mention.Text.EndsWith(ending, StringComparison.Ordinal))) return true;
        var text = document.Text;
        var after = mention.Range.End;
        while (after < text.Length && text[after] == ' ') after++;
        return mention.Range.Start > 0 && text[mention.Range.Start - 1] == '在' && after < text.Length
               && (text[after] == '上' || string.CompareOrdinal(text, after, PlatformPlace, 0, PlatformPlace.Length) == 0);
    }

    private const string PlatformPlace = "平台上";

    /// <summary>
    /// An organization right after 由 is the agent of a passive clause about something else (清程极智由清华大学计算机系团队孵化，其推理引擎…):
    /// not the topic a description or a possessive goes on about.
    /// </summary>
    private static bool IsAgentOfPassive(Document document, Mention mention) =>
        mention.Range.Start > 0 && document.Text[mention.Range.Start - 1] == '由';

    /// <summary>公司 alone before a post (公司总裁A), not a description of the company (这家公司, 该公司).</summary>
    private static bool IsBareCompany(Document document, int anaphorStart) =>
        string.CompareOrdinal(document.Text, anaphorStart, "公司", 0, 2) == 0;

    /// <summary>
    /// The position opens the first clause of its paragraph (公司总裁A此前…, CEO A是… at a paragraph's start): a company
    /// it leaves unnamed or calls 公司 is the one the paragraph before was about, the first it named as a clause's
    /// subject, not the last it named in passing (…与礼来和诺华达成合作 / …有四位来自谷歌旗下的DeepMind).
    /// </summary>
    private static bool OpensParagraph(Document document, Sentence sentence, int position) =>
        (sentence.Index == 0 || document.Sentences[sentence.Index - 1].Paragraph != sentence.Paragraph)
        && ClauseStart(document.Text, sentence.Range.Start, position) == sentence.Range.Start
        && document.Text.AsSpan(sentence.Range.Start, position - sentence.Range.Start).Trim().Length == 0;

    /// <summary>
    /// At most one person, named or pointed back to, stands between the positions: the one who takes the post
    /// (「…收购GitHub后，他进入GitHub，并接替A出任CEO」 is about two people, and the post is not the opening company's).
    /// </summary>
    private static bool OnePersonBetween(Document document, ILookup<int, Mention> byParagraph, IReadOnlyList<Mention> resolved, Sentence sentence, int from, int to) =>
        byParagraph[sentence.Paragraph].Concat(resolved)
            .Where(m => m.Type == "Person" && m.Sentence == sentence.Index && m.Range.Start >= from && m.Range.End <= to)
            .Select(m => m.Entity)
            .Distinct()
            .Count() <= 1;

    /// <summary>
    /// The clause right before the gap's names who founded the company the sentence opens with (Xnor.ai由A和B共同创立，B担任CTO;
    /// X总部位于旧金山，由大学博士A与教授B于2023年联合创立，A任CEO): the founders named there are not people between the company
    /// and the post, but the ones the post goes on about, and the post is at that company, not at a university named in their description.
    /// </summary>
    private bool AfterItsFounders(Document document, Sentence sentence, Mention opening, int anaphorStart)
    {
        var text = document.Text;
        var clauseStart = ClauseStart(text, sentence.Range.Start, anaphorStart);
        if (clauseStart <= opening.Range.End || text[clauseStart - 1] is not ('，' or ',')) return false;
        var end = clauseStart - 1;
        var before = ClauseStart(text, sentence.Range.Start, end);
        return before >= opening.Range.Start && text.AsSpan(before, end - before).Contains('由')
               && _foundingVerbs.Any(verb => EndsAt(text, end, verb));
    }

    /// <summary>An employer written before a person's title or founding (赛灵思原首席执行官彭胜, 谷歌的研究员A, Coda联合创始人兼CEO希希尔) describes the person.</summary>
    private bool DescribesPerson(Document document, Mention mention, Sentence sentence)
    {
        var next = mention.Range.End;
        while (next < sentence.Range.End && document.Text[next] is '的' or '前' or '原' or '现' or '）' or ')') next++;
        return Recognition.RecognitionData.MatchStartingAt(_recognition.Titles, document.Text, next, sentence.Range.End) is not null
               || _personDescribers.Any(word => string.CompareOrdinal(document.Text, next, word, 0, word.Length) == 0);
    }
}
