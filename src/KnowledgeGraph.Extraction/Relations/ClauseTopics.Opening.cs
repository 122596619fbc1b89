using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

// How a clause opens: with its subject, with none (the topic is carried in), or with a noun that names no entity; and whether its predicate is a backer's.
public sealed partial class ClauseTopics
{
    /// <summary>Verbs the tagger reads as nouns (开源, 上线) that are predicates only before 了 or a name (开源了X, 上线Y).</summary>
    private readonly HashSet<string> _launches;

    private bool IsLaunchBeforeObject(Document document, int index, int end, IReadOnlyList<Mention> mentions, TextRange clause) =>
        _launches.Contains(document.Tokens[index].Text) && index + 1 < end
        && (document.Tokens[index + 1].Text == "了" || MentionAt(mentions, document.Tokens[index + 1].Range, clause) is not null);

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
        // A clause that is a person and what describes them before their name, the verbs of the description included, has that
        // person as its subject, unless a name opens it as its own subject (马斯克邀请了曾在OpenAI工作的A).
        if (predicate < end && !(before is not null && adjacent && !possessed) && DescribedPerson(document, predicate, end, mentions, clause) is { } described)
            return (described, false, false, false);
        if (before is null && predicate < end)
        {
            var token = document.Tokens[predicate];
            // 在X任职 (曾在IBM和飞思卡尔任职, 此前在谷歌担任研究员) is a post held by the topic, not a phrase of place before a subject.
            if ((_adverbial.Contains(token.Text) || IsAdverbialPhrase(document, token))
                && !(onlySkippable && (IsPlaceOfPost(document, predicate, end) || IsTimeBeforePredicate(document, predicate, end)
                     || IsPlaceBeforePredicate(document, predicate, end))))
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

    /// <summary>
    /// The person the clause ends with, written right after 的 and perhaps followed by their name's other spelling in brackets,
    /// when the clause's predicate stands before that 的 (曾任华为诺亚方舟实验室主任的李航，在2017年加入字节跳动; 同样出自姚班的范浩强，
    /// 本科期间就加入旷视实习; 比楼天城低一届的印奇（Yin Qi），在2011年…): the clause is that person, described, and the clauses after
    /// it go on about them, not about the topic before. Only a person: a company ending such a clause is as often what the topic
    /// joined or bought (加入由姜大昕创办的阶跃星辰，出任首席科学家).
    /// </summary>
    private static Mention? DescribedPerson(Document document, int predicate, int end, IReadOnlyList<Mention> mentions, TextRange clause)
    {
        var last = end - 1;
        if (document.Tokens[last].Text is "）" or ")")
        {
            while (last > predicate && document.Tokens[last].Text is not ("（" or "(")) last--;
            last--;
        }
        if (last <= predicate + 1 || MentionAt(mentions, document.Tokens[last].Range, clause) is not { Type: "Person" } person) return null;
        var of = last;
        while (of > predicate && document.Tokens[of].Range.Start >= person.Range.Start) of--;
        return of > predicate && document.Tokens[of].Text == "的" && document.Tokens[of].Range.End == person.Range.Start ? person : null;
    }

    /// <summary>
    /// 在 or 于 at <paramref name="preposition"/> says when, not where: time words follow it (在2023年, 于去年底), then, after adverbs,
    /// the clause's predicate (在2017年加入字节跳动, 则在2023年离开百度). Such a clause leaves its subject out as much as one opening
    /// with 2017年; a time phrase before anything else (于今年内向证监会…, where the segmenter reads 内向) keeps the old reading.
    /// </summary>
    private bool IsTimeBeforePredicate(Document document, int preposition, int end)
    {
        if (document.Tokens[preposition].Text is not ("在" or "于")) return false;
        var i = preposition + 1;
        var when = false;
        while (i < end && document.Tokens[i].Tag is "t" or "m" or "q")
        {
            when |= document.Tokens[i].Tag == "t" || document.Tokens[i].Text[^1] is '年' or '月' or '日' or '底' or '初';
            i++;
        }
        while (i < end && document.Tokens[i].Tag is "d" or "c") i++;
        return when && i < end && IsPredicate(document, document.Tokens[i]);
    }

    /// <summary>
    /// 在 at <paramref name="preposition"/> says where the clause's own predicate happens: place names follow it, then, after
    /// adverbs, a verb that no 的 turns into a description (同年在杭州创办宇树科技; 在南京创办了后摩智能). Such a clause leaves its
    /// subject out as much as one opening with a time; 在北京举行的发布会上 is a phrase of place before a subject of its own.
    /// </summary>
    private bool IsPlaceBeforePredicate(Document document, int preposition, int end)
    {
        if (document.Tokens[preposition].Text != "在") return false;
        var i = preposition + 1;
        while (i < end && document.Tokens[i].Tag == "ns") i++;
        if (i == preposition + 1) return false;
        while (i < end && document.Tokens[i].Tag == "d") i++;
        return i + 1 < end && document.Tokens[i].Tag.StartsWith('v') && IsPredicate(document, document.Tokens[i])
            && document.Tokens[i + 1].Text != "的";
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
}
