using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Chinese leaves out the subject a chain of clauses shares: 「Adept成立于2022年，曾推出ACT-1」,
/// 「……，2016年被英特尔收购」. A clause that opens with its predicate (after time words, adverbs and conjunctions)
/// takes the topic, the subject last named by a clause before it in the paragraph, as a mention without text at
/// its start, so that the relation patterns see a subject there. A clause whose subject is a noun that names no
/// entity (这款设备…) ends the chain: what follows is about that noun. The topic takes the place of an empty
/// anaphor of its type at the clause's start (the nearest name before is often not the subject the chain keeps:
/// 「DeepSeek是幻方量化旗下的公司，由梁文锋创立」).
/// </summary>
public sealed class ClauseTopics
{
    private readonly HashSet<string> _adverbial;
    private readonly HashSet<string> _openers;
    private readonly ILookup<char, string> _skipped;
    private readonly ILookup<char, string> _nominal;
    private readonly ILookup<char, string> _adverbialPhrases;

    public ClauseTopics(LanguageResources resources, Recognition.RecognitionData recognition)
    {
        var rows = resources.Rows("relations/clause-topics.tsv", 2);
        HashSet<string> Of(string kind) => rows.Where(r => r[0].Trim() == kind).Select(r => r[1].Trim()).ToHashSet(StringComparer.Ordinal);
        _adverbial = Of("adverbial");
        _openers = Of("opener");
        _skipped = ByFirstCharacter(Of("skip"));
        _nominal = ByFirstCharacter(Of("nominal").Concat(recognition.Titles));
        _adverbialPhrases = ByFirstCharacter(_adverbial);
        _gluedPrepositions = Of("glued").Where(w => w.Length == 1).Select(w => w[0]).ToHashSet();
    }

    private readonly HashSet<char> _gluedPrepositions;

    /// <summary>The topic as it stands after the sentences seen so far; one per document, sentences in order.</summary>
    public sealed class Chain
    {
        internal int Paragraph { get; set; } = -1;
        internal Mention? Topic { get; set; }
    }

    /// <summary>A mention carrying the topic into a clause that leaves its subject out, for each such clause of the sentence.</summary>
    public List<Mention> CarriedInto(Document document, Sentence sentence, IReadOnlyList<Mention> mentions, Chain chain)
    {
        if (chain.Paragraph != sentence.Paragraph)
        {
            chain.Paragraph = sentence.Paragraph;
            chain.Topic = null;
        }
        var carried = new List<Mention>();
        var end = sentence.FirstToken + sentence.TokenCount;
        for (var first = sentence.FirstToken; first < end; )
        {
            var next = first;
            while (next < end && !IsClauseBreak(document.Tokens[next].Text)) next++;
            if (next > first)
            {
                var clause = new TextRange(document.Tokens[first].Range.Start, document.Tokens[next - 1].Range.End);
                var opening = Opening(document, first, next, mentions, clause);
                var filled = mentions.Any(m => m.Range.Start == clause.Start && !(m.Range.Length == 0 && m.Type == chain.Topic?.Type));
                if (opening.Subject is not null) chain.Topic = opening.Subject;
                else if (opening.NamesNoEntity) chain.Topic = null;
                else if (opening.Subjectless && !filled && chain.Topic?.Entity is { } topic)
                {
                    carried.Add(new Mention(new TextRange(clause.Start, clause.Start), "", topic.Type, MentionSource.Anaphor, chain.Topic.Confidence)
                    {
                        Sentence = sentence.Index,
                        Entity = topic,
                    });
                }
            }
            first = next + 1;
        }
        return carried;
    }

    private static bool IsClauseBreak(string token) => token is "，" or "," or "；" or ";" or "：" or ":";

    /// <summary>
    /// Reads a clause up to its predicate (the first verb or preposition). Without a mention before it, the clause
    /// is subjectless when only time words, adverbs, conjunctions or a word for the topic (它, 本轮) stand before
    /// it, and names a non-entity subject otherwise. The subject is a mention the predicate of the clause follows
    /// (云计算部门AWS宣布: the verb inside 云计算 is not the predicate), or else the last mention before the first verb.
    /// </summary>
    private (Mention? Subject, bool Subjectless, bool NamesNoEntity) Opening(Document document, int first, int end,
        IReadOnlyList<Mention> mentions, TextRange clause)
    {
        Mention? before = null;
        var onlySkippable = true;
        var aboutTopic = false;
        var predicate = end;
        var possessed = false;
        for (var i = first; i < end && predicate == end; i++)
        {
            var token = document.Tokens[i];
            if (MentionAt(mentions, token.Range, clause) is { } mention) (before, possessed) = (mention, false);
            else if (IsPredicate(document, token)) predicate = i;
            else if (before is not null && token.Text == "的") possessed = true;
            else if (onlySkippable && !aboutTopic && _openers.Contains(token.Text)) aboutTopic = true;
            else if (!IsSkippable(document, token)) onlySkippable = false;
        }
        if (before is null && predicate < end)
        {
            var token = document.Tokens[predicate];
            if (_adverbial.Contains(token.Text) || IsAdverbialPhrase(document, token)) return (null, false, false);
            if (onlySkippable || aboutTopic) return (null, true, false);
        }
        // After a preposition the mentions are its objects (X与Y和Z争夺…): only a verb can sit inside the subject.
        var followed = predicate < end && document.Tokens[predicate].Tag.StartsWith('v') ? MentionBeforePredicate(document, predicate, end, mentions, clause) : null;
        if (followed is not null) return (followed, false, false);
        // 「他的导师随后加入了百度」 is about the 导师, whom no mention names.
        if (before is not null) return possessed ? (null, false, true) : (before, false, false);
        // A clause without a predicate (估值320亿美元) says something about the topic; it does not replace it.
        return (null, aboutTopic, predicate < end && !onlySkippable && !aboutTopic);
    }

    /// <summary>A mention after <paramref name="from"/> that a verb or preposition follows with at most time words, adverbs and numbers between.</summary>
    private Mention? MentionBeforePredicate(Document document, int from, int end, IReadOnlyList<Mention> mentions, TextRange clause)
    {
        Mention? last = null;
        for (var i = from; i < end; i++)
        {
            var token = document.Tokens[i];
            if (MentionAt(mentions, token.Range, clause) is { } mention) last = mention;
            else if (last is not null && IsPredicate(document, token)) return last;
            else if (token.Tag is not ("t" or "d" or "m" or "q")) last = null;
        }
        return null;
    }

    private bool IsPredicate(Document document, Token token) =>
        (token.Tag.StartsWith('v') || token.Tag == "p" || _adverbial.Contains(token.Text) || IsGluedPreposition(token)) && !IsNominal(document, token);

    /// <summary>A guessed word the segmenter glued onto a preposition (由前 in 「由前OpenAI研究员创立」) is the preposition.</summary>
    private bool IsGluedPreposition(Token token) => token.Tag == "x" && !token.InDictionary && token.Text.Length > 1 && _gluedPrepositions.Contains(token.Text[0]);

    /// <summary>A verb that begins a noun, such as 联合 in 联合创始人: the clause goes on to its subject.</summary>
    private bool IsNominal(Document document, Token token) => StartsWithAny(document, token, _nominal);

    /// <summary>A preposition opening a longer adverbial word, such as 与此同时, 截至.</summary>
    private bool IsAdverbialPhrase(Document document, Token token) => StartsWithAny(document, token, _adverbialPhrases);

    private static ILookup<char, string> ByFirstCharacter(IEnumerable<string> words) => words.Where(w => w.Length > 0).Distinct().ToLookup(w => w[0]);

    /// <summary>A word of the list, as long as the token or longer, begins where the token does (jieba may cut it in two).</summary>
    private static bool StartsWithAny(Document document, Token token, ILookup<char, string> words) =>
        words[token.Text[0]].Any(w => w.Length >= token.Text.Length && string.CompareOrdinal(document.Text, token.Range.Start, w, 0, w.Length) == 0);

    private bool IsSkippable(Document document, Token token) =>
        token.Tag is "t" or "d" or "ad" or "c" or "m" or "q" or "f" or "w" || StartsWithAny(document, token, _skipped);

    private static Mention? MentionAt(IReadOnlyList<Mention> mentions, TextRange token, TextRange clause)
    {
        foreach (var mention in mentions)
        {
            if (mention.Range.Length > 0 && clause.Contains(mention.Range.Start) && mention.Range.Overlaps(token)) return mention;
        }
        return null;
    }
}
