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
/// 「DeepSeek是幻方量化旗下的公司，由梁文锋创立」). Each question has its own part: how a clause opens
/// (ClauseTopics.Opening), what a token is to that opening (.TokenWords), the topic kept across sentences (.Chain).
/// </summary>
public sealed partial class ClauseTopics
{
    private readonly HashSet<string> _adverbial;
    private readonly HashSet<string> _openers;
    private readonly HashSet<string> _listing;
    private readonly Dictionary<char, string[]> _skipped;
    private readonly Dictionary<char, string[]> _nominal;
    private readonly Dictionary<char, string[]> _adverbialPhrases;
    private readonly Dictionary<char, string[]> _backing;

    /// <summary>Verbs of saying (表示, 称): what follows them is a person's words, not his acts.</summary>
    private readonly HashSet<string> _sayings;

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
        _sayings = Of("saying");
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
        var afterSaying = false;
        for (var first = sentence.FirstToken; first < end; )
        {
            var next = first;
            while (next < end && !IsClauseBreak(document.Tokens[next].Text)) next++;
            var quoted = afterSaying;
            afterSaying = next > first && _sayings.Contains(document.Tokens[next - 1].Text);
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
                    if (!opening.Backs && !BacksTheTopic(document, opening.Subject, mentions, clause))
                    {
                        TakeTopic(chain, opening.Subject, mentions);
                        TakePersonsNamedWith(document, chain, mentions);
                    }
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
                // A person's words are no act of his (A表示，加入F5后公司能…); a company's statement is about itself.
                else if (opening.Subjectless && !filled && chain.Topic?.Entity is { } topic && !(quoted && topic.Type == "Person"))
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

    /// <summary>
    /// Persons named together as the subject (A和B在2022年离开谷歌，与C共同创办了Adept): each joined right before the subject by
    /// a persons-together joint of recognition/list-joiners.tsv (和, 与, 及, 、), perhaps after their name's other spelling
    /// in brackets, is as much the subject of the clauses after it.
    /// </summary>
    private static void TakePersonsNamedWith(Document document, Chain chain, IReadOnlyList<Mention> mentions)
    {
        if (chain.Topic is not { Type: "Person", IsAnaphor: false, Entity: { } entity } subject || chain.TopicGroup.Count > 0) return;
        var group = new List<EntityCluster> { entity };
        var start = subject.Range.Start;
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            var before = mentions[i];
            if (before.Range.End > start || before.Range.Length == 0) continue;
            var between = document.Text.AsSpan(before.Range.End, start - before.Range.End);
            var otherSpelling = between is "（" or "(" && before.Entity == group[0];
            if (before.Type != "Person" || before.Entity is null || !otherSpelling && !PersonJoints.Contains(between.TrimStart("）)"))) break;
            if (!group.Contains(before.Entity)) group.Insert(0, before.Entity);
            start = before.Range.Start;
        }
        if (group.Count > 1) chain.TopicGroup.AddRange(group);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonJoints =
        LanguageData.EmbeddedWords.Set("recognition/list-joiners.tsv", "persons-together").GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsClauseBreak(string token) => token is "，" or "," or "；" or ";" or "：" or ":";
}
