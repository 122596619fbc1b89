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
    private readonly HashSet<string> _listing;
    private readonly Dictionary<char, string[]> _skipped;
    private readonly Dictionary<char, string[]> _nominal;
    private readonly Dictionary<char, string[]> _adverbialPhrases;
    private readonly Dictionary<char, string[]> _backing;

    public ClauseTopics(LanguageResources resources, Recognition.RecognitionData recognition)
    {
        var rows = resources.Rows("relations/clause-topics.tsv", 2);
        HashSet<string> Of(string kind) => rows.Where(r => r[0].Trim() == kind).Select(r => r[1].Trim()).ToHashSet(StringComparer.Ordinal);
        _adverbial = Of("adverbial");
        _openers = Of("opener");
        _listing = Of("listing");
        _skipped = ByFirstCharacter(Of("skip"));
        _nominal = ByFirstCharacter(Of("nominal").Concat(recognition.Titles));
        _adverbialPhrases = ByFirstCharacter(_adverbial);
        _backing = ByFirstCharacter(Of("backing"));
        _gluedPrepositions = Of("glued").Where(w => w.Length == 1).Select(w => w[0]).ToHashSet();
        _posts = Of("post");
        _verbs = Of("verb");
        _launches = Of("launch");
    }

    /// <summary>Verbs the tagger reads as nouns (开源, 上线) that are predicates only before 了 or a name (开源了X, 上线Y).</summary>
    private readonly HashSet<string> _launches;

    private bool IsLaunchBeforeObject(Document document, int index, int end, IReadOnlyList<Mention> mentions, TextRange clause) =>
        _launches.Contains(document.Tokens[index].Text) && index + 1 < end
        && (document.Tokens[index + 1].Text == "了" || MentionAt(mentions, document.Tokens[index + 1].Range, clause) is not null);

    /// <summary>Verbs the tagger may read as something else (自研 as a noun): predicates however it reads them.</summary>
    private readonly HashSet<string> _verbs;

    /// <summary>Verbs of holding a post or working somewhere (任, 曾任, 任职, 工作): predicates however the tagger reads them (任 may be a surname to it).</summary>
    private readonly HashSet<string> _posts;

    private readonly HashSet<char> _gluedPrepositions;

    /// <summary>The topic as it stands after the sentences seen so far; one per document, sentences in order.</summary>
    public sealed class Chain
    {
        internal int Paragraph { get; set; } = -1;
        internal Mention? Topic { get; set; }

        /// <summary>
        /// The people a plural anaphor as the topic stands for (四人此前…，随后在微软任职: each of the four), else empty:
        /// the clauses the topic is carried into are about all of them.
        /// </summary>
        internal List<EntityCluster> TopicGroup { get; } = [];

        /// <summary>The topic the paragraph before ended with: a backer's clause opening a paragraph (本轮参投方还包括…) is about it.</summary>
        internal Mention? PreviousTopic { get; set; }

        /// <summary>
        /// The paragraph opens with a place and 的 before a subject no mention names (杭州的小帆出海则瞄准…): an item of a round-up
        /// about a company the recognisers missed. Its posts and founders are that company's, which no name stands for; not
        /// the ones of the company the paragraph before or the article was about.
        /// </summary>
        public bool UnnamedItem { get; internal set; }

        internal List<(TextRange Clause, Mention? Topic)> Clauses { get; } = [];

        /// <summary>The topic each clause of the sentence last read began with.</summary>
        public IEnumerable<Mention?> TopicsOfClauses => Clauses.Select(c => c.Topic);

        /// <summary>
        /// The latest organization named in the sentence (not carried in) that a clause up to <paramref name="position"/>
        /// began with as its topic, or null.
        /// </summary>
        public Mention? NamedTopicUpTo(int position, int sentence) =>
            Clauses.Where(c => c.Clause.Start <= position)
                .Select(c => c.Topic)
                .LastOrDefault(t => t is { Type: "Organization", Entity: not null, Range.Length: > 0 } && t.Sentence == sentence);

        /// <summary>The topic as it stood when the clause holding <paramref name="position"/> began (of the sentence last read).</summary>
        public Mention? TopicAt(int position) =>
            Clauses.FirstOrDefault(c => c.Clause.Start <= position && position <= c.Clause.End).Topic;
    }

    /// <summary>A mention carrying the topic into a clause that leaves its subject out, for each such clause of the sentence.</summary>
    public List<Mention> CarriedInto(Document document, Sentence sentence, IReadOnlyList<Mention> mentions, Chain chain)
    {
        if (chain.Paragraph != sentence.Paragraph)
        {
            // A new item of a list is about its own company: the items before lend it no topic.
            chain.PreviousTopic = document.Separates(chain.Paragraph, sentence.Paragraph) ? null : chain.Topic ?? chain.PreviousTopic;
            chain.Paragraph = sentence.Paragraph;
            chain.UnnamedItem = false;
            TakeTopic(chain, null, mentions);
            if (document.Turns.TryGetValue(sentence.Paragraph, out var turnAtStart)) TakeTopic(chain, turnAtStart.Organization, mentions);
        }
        // The label of an interview turn (顾捷：, 答：) is no clause of what is said.
        var spokenFrom = document.Turns.TryGetValue(sentence.Paragraph, out var turn) ? turn.SpokenFrom : -1;
        var carried = new List<Mention>();
        chain.Clauses.Clear();
        var end = sentence.FirstToken + sentence.TokenCount;
        for (var first = sentence.FirstToken; first < end; )
        {
            var next = first;
            while (next < end && !IsClauseBreak(document.Tokens[next].Text)) next++;
            if (next > first)
            {
                var clause = new TextRange(document.Tokens[first].Range.Start, document.Tokens[next - 1].Range.End);
                if (clause.End <= spokenFrom)
                {
                    first = next + 1;
                    continue;
                }
                chain.Clauses.Add((clause, chain.Topic ?? chain.PreviousTopic));
                var opening = Opening(document, first, next, mentions, clause);
                var filled = mentions.Any(m => m.Range.Start == clause.Start && !(m.Range.Length == 0 && m.Type == chain.Topic?.Type));
                // A backer named as the subject (a16z领投了A轮, 联想之星是其最早的投资者) does not become the topic: the round is the topic's.
                if (opening.Subject is not null)
                {
                    if (!opening.Backs && !BacksTheTopic(document, opening.Subject, mentions, clause)) TakeTopic(chain, opening.Subject, mentions);
                }
                // Only a lead-in without names may come before it (相比之下，成都的青稞智学还在等待…).
                else if (IsFirstOfParagraph(document, sentence) && !mentions.Any(m => m.Range.Start < clause.Start)
                         && OpensWithPlaceOfUnnamed(document, first, next, mentions, clause))
                {
                    TakeTopic(chain, null, mentions);
                    chain.UnnamedItem = true;
                    chain.PreviousTopic = null;
                    for (var c = 0; c < chain.Clauses.Count; c++) chain.Clauses[c] = (chain.Clauses[c].Clause, null);
                }
                else if (opening.NamesNoEntity) TakeTopic(chain, null, mentions);
                else if (opening.Subjectless && !filled && chain.Topic?.Entity is { } topic)
                {
                    foreach (var entity in chain.TopicGroup.Count > 0 ? chain.TopicGroup : [topic])
                    {
                        carried.Add(new Mention(new TextRange(clause.Start, clause.Start), "", topic.Type, MentionSource.Anaphor, chain.Topic.Confidence)
                        {
                            Sentence = sentence.Index,
                            Entity = entity,
                        });
                    }
                }
            }
            first = next + 1;
        }
        return carried;
    }

    /// <summary>
    /// The subject is a backer by its clause's words (resolution's <see cref="Document.Backers"/>: 是其早期投资者之一, 参与了其天使轮投资)
    /// and no name follows it in the clause (其 may): the clause is about the topic's backers, and the clauses after it still are
    /// about the topic (此后A、B等机构陆续入股).
    /// </summary>
    private static bool BacksTheTopic(Document document, Mention subject, IReadOnlyList<Mention> mentions, TextRange clause) =>
        document.Backers.Contains(subject) && !mentions.Any(m => !m.IsAnaphor && m.Range.Start >= subject.Range.End && clause.Contains(m.Range.Start));

    private static bool IsFirstOfParagraph(Document document, Sentence sentence) =>
        sentence.Index == 0 || document.Sentences[sentence.Index - 1].Paragraph != sentence.Paragraph;

    /// <summary>
    /// After time words and conjunctions the clause opens with places and 的, then a word no mention covers
    /// (杭州的小帆出海则…, 相比之下，广州的木棉智造…): the subject is a name the recognisers missed, not a noun.
    /// </summary>
    private static bool OpensWithPlaceOfUnnamed(Document document, int first, int end, IReadOnlyList<Mention> mentions, TextRange clause)
    {
        var i = first;
        while (i < end && document.Tokens[i].Tag is "t" or "m" or "q" or "d" or "c" or "w") i++;
        var places = i;
        while (i < end && document.Tokens[i].Tag == "ns") i++;
        if (i == places || i + 1 >= end || document.Tokens[i].Text != "的") return false;
        var next = document.Tokens[i + 1];
        return MentionAt(mentions, next.Range, clause) is null && (next.Tag.StartsWith('n') || next.Tag is "x" or "j" or "eng") && next.Tag != "ns";
    }

    /// <summary>A plural anaphor for people (四人, 两人) is one mention per person at one place: all of them become the topic.</summary>
    private static void TakeTopic(Chain chain, Mention? subject, IReadOnlyList<Mention> mentions)
    {
        chain.Topic = subject;
        chain.TopicGroup.Clear();
        if (subject is not { IsAnaphor: true, Type: "Person", Range.Length: > 0 }) return;
        var group = mentions.Where(m => m.Range == subject.Range && m.Entity is not null).Select(m => m.Entity!).Distinct().ToList();
        if (group.Count > 1) chain.TopicGroup.AddRange(group);
    }

    private static bool IsClauseBreak(string token) => token is "，" or "," or "；" or ";" or "：" or ":";

    /// <summary>
    /// Reads a clause up to its predicate (the first verb or preposition). Without a mention before it, the clause
    /// is subjectless when only time words, adverbs, conjunctions or a word for the topic (它, 本轮) stand before
    /// it, and names a non-entity subject otherwise. The subject is the mention the predicate directly follows
    /// (Cohere完成由…领投的融资), else the head of a relative clause (穆拉蒂创办的Thinking Machines Lab宣布), else a
    /// mention the predicate of the clause follows (云计算部门AWS宣布: the verb inside 云计算 is not the predicate),
    /// else the last mention before the first verb. Backs tells that the predicate is a backer's (领投, 跟投).
    /// </summary>
    private (Mention? Subject, bool Subjectless, bool NamesNoEntity, bool Backs) Opening(Document document, int first, int end,
        IReadOnlyList<Mention> mentions, TextRange clause)
    {
        Mention? before = null;
        var onlySkippable = true;
        var aboutTopic = false;
        var predicate = end;
        var possessed = false;
        var adjacent = false;
        var afterBefore = end;
        var relational = false;
        var postOfBefore = false;
        // 以及 opening the clause goes on with the list of the clause before (发布了A，以及用于…的B): what follows describes B,
        // no predicate of the topic's.
        if (first < end && _listing.Contains(document.Tokens[first].Text)) return (null, false, false, false);
        for (var i = first; i < end && predicate == end; i++)
        {
            var token = document.Tokens[i];
            if (MentionAt(mentions, token.Range, clause) is { } mention) (before, possessed, adjacent, afterBefore, postOfBefore) = (mention, false, true, i + 1, false);
            else if (IsPredicate(document, token) || IsLaunchBeforeObject(document, i, end, mentions, clause)) predicate = i;
            // 的 right after the name makes it an owner (微软的团队); further on it belongs to another phrase (微软以…的代价).
            else if (before is not null && token.Text == "的") (possessed, adjacent) = (adjacent, false);
            else if (onlySkippable && !aboutTopic && _openers.Contains(token.Text)) aboutTopic = true;
            else
            {
                // 的 and a post right after the name (智谱的董事长是A): the clause is the name's roster.
                if (possessed && i > 0 && document.Tokens[i - 1].Text == "的" && IsNominal(document, token)) postOfBefore = true;
                if (!IsSkippable(document, token)) (onlySkippable, adjacent, relational) = (false, false, before is null && (relational || onlySkippable) && IsNominal(document, token));
            }
        }
        // Only a backer's clause that names no company after its verb leaves the round to the topic (a16z领投了A轮, not a16z领投了Y).
        var backing = predicate < end ? BackingAt(document, predicate, end) : -1;
        if (backing < 0 && before is not null) backing = BackerFollows(document, afterBefore, end);
        var backs = backing >= 0 && !mentions.Any(m => m.Range.Start >= document.Tokens[backing].Range.End && clause.Contains(m.Range.Start));
        if (before is null && predicate < end)
        {
            var token = document.Tokens[predicate];
            // 在X任职 (曾在IBM和飞思卡尔任职, 此前在谷歌担任研究员) is a post held by the topic, not a phrase of place before a subject.
            if ((_adverbial.Contains(token.Text) || IsAdverbialPhrase(document, token)) && !(onlySkippable && IsPlaceOfPost(document, predicate, end)))
                return (null, false, false, false);
            if (onlySkippable || aboutTopic) return (null, true, false, backs);
        }
        // A clause of names alone (本轮由IVP领投，NEA、Databricks Ventures、英伟达，以及…等参投) is a list going on into the next clause.
        if (predicate == end && before is not null && NamesOnly(document, first, end, mentions, clause)) return (null, false, false, false);
        var verb = predicate < end && document.Tokens[predicate].Tag.StartsWith('v');
        if (verb && RelativeClauseHead(document, predicate, end, mentions, clause) is { } head) return (head, false, false, false);
        if (before is not null && adjacent && !possessed) return (before, false, false, backs);
        // After a preposition the mentions are its objects (X与Y和Z争夺…): only a verb can sit inside the subject.
        var followed = verb ? MentionBeforePredicate(document, predicate, end, mentions, clause) : null;
        if (followed is not null) return (followed, false, false, false);
        // 「他的导师随后加入了百度」 is about the 导师, whom no mention names; but a post of the name (智谱的董事长是A，首席执行官是B;
        // X的创始人是A，CTO为B) keeps the name as the topic: the clauses after it list more of its posts.
        if (before is not null) return possessed ? (postOfBefore ? (before, false, false, false) : (null, false, true, false)) : (before, false, false, backs);
        // A clause without a predicate (估值320亿美元), or about a role or a party of the topic (董事长为X, 投资方包括X),
        // says something about the topic; it does not replace it.
        return (null, aboutTopic, predicate < end && !onlySkippable && !aboutTopic && !relational, false);
    }

    /// <summary>在 or 于, then a place and a verb of holding a post in the same clause, with no verb before that one and no 的 after it.</summary>
    private bool IsPlaceOfPost(Document document, int preposition, int end)
    {
        if (document.Tokens[preposition].Text is not ("在" or "于")) return false;
        for (var i = preposition + 1; i < end; i++)
        {
            var token = document.Tokens[i];
            // 曾在Meta任职的副总裁X describes X, the clause's own subject.
            if (_posts.Contains(token.Text)) return i + 1 >= end || document.Tokens[i + 1].Text != "的";
            if (token.Tag.StartsWith('v') && !token.Tag.StartsWith("vn", StringComparison.Ordinal)) return false;
        }
        return false;
    }

    private static bool NamesOnly(Document document, int first, int end, IReadOnlyList<Mention> mentions, TextRange clause)
    {
        for (var i = first; i < end; i++)
        {
            var token = document.Tokens[i];
            if (MentionAt(mentions, token.Range, clause) is null && token.Tag is not ("c" or "w") && token.Text is not ("、" or "等" or "以及")
                && !string.IsNullOrWhiteSpace(token.Text)) return false;
        }
        return true;
    }

    /// <summary>Where the backer's verb is: the predicate itself, or after a list the preposition 与 joins (腾讯与高榕资本参与投资); else -1.</summary>
    private int BackingAt(Document document, int predicate, int end)
    {
        if (StartsWithAny(document, document.Tokens[predicate], _backing)) return predicate;
        if (document.Tokens[predicate].Text is not ("与" or "和" or "同" or "跟")) return -1;
        for (var i = predicate + 1; i < end; i++)
        {
            var token = document.Tokens[i];
            if (token.Tag.StartsWith('v')) return StartsWithAny(document, token, _backing) ? i : -1;
        }
        return -1;
    }

    /// <summary>A backer's word after the subject and its adverbs, however the tagger read it (领投 may be a noun to it); else -1.</summary>
    private int BackerFollows(Document document, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            var token = document.Tokens[i];
            if (StartsWithAny(document, token, _backing)) return i;
            if (!IsSkippable(document, token)) return -1;
        }
        return -1;
    }

    /// <summary>The name a verb and 的 describe (创办的Thinking Machines Lab), with at most a few nouns of description between.</summary>
    private static Mention? RelativeClauseHead(Document document, int verb, int end, IReadOnlyList<Mention> mentions, TextRange clause)
    {
        if (verb + 1 >= end || document.Tokens[verb + 1].Text != "的") return null;
        for (var i = verb + 2; i < end && i <= verb + 5; i++)
        {
            var token = document.Tokens[i];
            if (MentionAt(mentions, token.Range, clause) is { } mention) return mention;
            if (!token.Tag.StartsWith('n') && token.Tag is not ("a" or "b" or "eng" or "x")) return null;
        }
        return null;
    }

    /// <summary>
    /// A mention after <paramref name="from"/> that a verb or preposition follows with at most time words, adverbs and
    /// numbers between, and perhaps its other spelling in brackets (联合创始人兼CEO阿拉文德·斯里尼瓦斯（Aravind Srinivas）曾在OpenAI担任…).
    /// </summary>
    private Mention? MentionBeforePredicate(Document document, int from, int end, IReadOnlyList<Mention> mentions, TextRange clause)
    {
        Mention? last = null;
        for (var i = from; i < end; i++)
        {
            var token = document.Tokens[i];
            if (last is not null && token.Text is "（" or "(" && ClosingBracket(document, i, end) is var closing and > 0)
            {
                i = closing;
                continue;
            }
            if (MentionAt(mentions, token.Range, clause) is { } mention) last = mention;
            else if (last is not null && IsPredicate(document, token)) return last;
            else if (token.Tag is not ("t" or "d" or "m" or "q")) last = null;
        }
        return null;
    }

    /// <summary>The token closing the bracket opened at <paramref name="opening"/> within the clause, else -1.</summary>
    private static int ClosingBracket(Document document, int opening, int end)
    {
        for (var i = opening + 1; i < end; i++)
        {
            if (document.Tokens[i].Text is "）" or ")") return i;
        }
        return -1;
    }

    /// <remarks>A backer's word is a predicate however the tagger read it (参投 may be an unknown word to it).</remarks>
    private bool IsPredicate(Document document, Token token) =>
        (token.Tag.StartsWith('v') || token.Tag == "p" || _posts.Contains(token.Text) || _verbs.Contains(token.Text) || _adverbial.Contains(token.Text) || IsGluedPreposition(token) || StartsWithAny(document, token, _backing))
        && !IsNominal(document, token);

    /// <summary>A guessed word the segmenter glued onto a preposition (由前 in 「由前OpenAI研究员创立」) is the preposition.</summary>
    private bool IsGluedPreposition(Token token) => token.Tag == "x" && !token.InDictionary && token.Text.Length > 1 && _gluedPrepositions.Contains(token.Text[0]);

    /// <summary>A verb that begins a noun, such as 联合 in 联合创始人: the clause goes on to its subject.</summary>
    private bool IsNominal(Document document, Token token) => StartsWithAny(document, token, _nominal);

    /// <summary>A preposition opening a longer adverbial word, such as 与此同时, 截至.</summary>
    private bool IsAdverbialPhrase(Document document, Token token) => StartsWithAny(document, token, _adverbialPhrases);

    private static Dictionary<char, string[]> ByFirstCharacter(IEnumerable<string> words) =>
        words.Where(w => w.Length > 0).Distinct().GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>A word of the list, as long as the token or longer, begins where the token does (jieba may cut it in two).</summary>
    /// <remarks>A loop over an array: this is asked several times of every token, and a query would allocate each time.</remarks>
    private static bool StartsWithAny(Document document, Token token, Dictionary<char, string[]> words)
    {
        if (!words.TryGetValue(token.Text[0], out var candidates)) return false;
        foreach (var word in candidates)
        {
            if (word.Length >= token.Text.Length && string.CompareOrdinal(document.Text, token.Range.Start, word, 0, word.Length) == 0) return true;
        }
        return false;
    }

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
