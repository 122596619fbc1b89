using System.Buffers;
using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// The fallback after the patterns for relations written in too many ways to list (合作, 竞争, 对手 …): a clause that
/// holds a trigger word of a type (relations/clause-triggers.tsv) and parties of the type's signature asserts the
/// relation between them, at a lower confidence. Who relates to whom is read from the clause alone: the owner of a
/// relational noun (X的主要对手包括A、B) against the others; else the parties before a case word (与, 同, 跟, 和)
/// against the ones after it up to the trigger (A与B、C共同成立合资公司); else the clause's first party, perhaps a
/// carried topic, against the rest. The assertion rules of the patterns hold here too.
/// </summary>
public sealed class ClauseTriggers
{
    private const double Confidence = 0.6;
    private const double AnaphorPenalty = 0.85;

    /// <summary>How far a relational noun may stand after its owner's 的 (X的早期合作伙伴, X在国内最大的竞争对手).</summary>
    private const int MaxOwnerGap = 10;

    /// <summary>How long a gap between two items of a list may be when it describes the earlier one.</summary>
    private const int MaxDescribedGap = 8;

    /// <summary>How far into its clause a list acting together may begin (据悉，A、B和C…; 今年，A和B…).</summary>
    private const int MaxListOpening = 4;

    /// <summary>How far after a case word its first party may stand (与电影公司狮门影业).</summary>
    private const int MaxJoinGap = 12;

    private sealed record TypeRules(string Type, string[] Triggers, string[] NotTriggers, string[] HubNouns, Regex? Blocker, Regex? LooseBlocker,
        bool LiftsProducts);

    private readonly List<TypeRules> _types;
    private readonly string[] _joins;
    private readonly string[] _continuations;
    private readonly string[] _parentWords;
    private readonly string[] _listWords;
    private readonly HashSet<string> _itemWords;
    private readonly ImplicitParties _implicit;
    private readonly AssertionCues _cues;
    private readonly OntologySchema _ontology;

    public ClauseTriggers(LanguageResources resources, AssertionCues cues, OntologySchema ontology)
    {
        _cues = cues;
        _ontology = ontology;
        var rows = resources.Rows("relations/clause-triggers.tsv", 3).Select(r => (Kind: r[0].Trim(), Type: r[1].Trim(), Text: r[2].Trim())).ToList();
        string[] Of(string kind, string type) => rows.Where(r => r.Kind == kind && r.Type == type).Select(r => r.Text).ToArray();
        _joins = Of("join", "*");
        _continuations = Of("continuation", "*");
        _parentWords = Of("parent", "*");
        _listWords = Of("list", "*");
        _itemWords = Of("item", "*").ToHashSet(StringComparer.Ordinal);
        _implicit = new ImplicitParties(Of("mutual", "*"));
        _types = rows.Where(r => r.Kind == "trigger").Select(r => r.Type).Distinct().Select(type =>
        {
            if (!ontology.IsRelationType(type)) throw new InvalidDataException($"clause-triggers.tsv: '{type}' is not a relation type of the ontology");
            return new TypeRules(type, Of("trigger", type), Of("not-trigger", type), Of("hub-noun", type),
                Alternatives(Of("blocker", type)), Alternatives(Of("loose-blocker", type)), Of("products", type).Contains("lift"));
        }).ToList();
    }

    private static Regex? Alternatives(string[] expressions) =>
        expressions.Length == 0 ? null : new Regex(string.Join("|", expressions.Select(e => $"(?:{e})")), RegexOptions.CultureInvariant);

    /// <summary>What the sentence's clauses assert by their trigger words, with where the evidence starts and whether it is a plan.</summary>
    public IEnumerable<(RelationCandidate Candidate, int EvidenceStart, bool Plan)> Find(Document document, Sentence sentence, IReadOnlyList<Mention> mentions)
    {
        var sentenceText = document.Slice(sentence.Range.Start, sentence.Range.End);
        TextRange? previousClause = null;
        foreach (var clause in Clauses(document, sentence))
        {
            var before = previousClause;
            previousClause = clause;
            var spokenText = document.Slice(clause.Start, clause.End);
            string? clauseText = null;
            foreach (var rules in _types)
            {
                // Names are blanked out only in a clause that holds a trigger at all: most clauses hold none.
                if (FirstTrigger(spokenText, rules) < 0) continue;
                clauseText ??= WithoutNames(spokenText, clause, mentions);
                var trigger = FirstTrigger(clauseText, rules);
                // Blockers read the names too: a clause listing 国科投资、涌铧投资… speaks of money however it is worded.
                if (trigger < 0 || rules.Blocker?.IsMatch(spokenText) == true) continue;
                if (_cues.IsUncertain(document.Slice(sentence.Range.Start, clause.End), sentenceText, clause.Start - sentence.Range.Start)
                    || _cues.IsNegated(spokenText) || _cues.IsDeniedInClause(spokenText)) continue;
                var parties = Parties(document, mentions, clause, rules.LiftsProducts);
                var plan = _cues.IsPlan(spokenText);
                if (SpeakersCalling(document, sentence, clause, clauseText, parties, rules) is { } speakers)
                {
                    foreach (var party in parties.Where(p => p.Entity != speakers.Entity).DistinctBy(p => p.Entity))
                        yield return (Build(document, sentence, rules.Type, speakers, party), clause.Start, plan);
                    continue;
                }
                if (parties.Select(p => p.Entity).Distinct().Count() < 2)
                {
                    var earlier = before is { } b ? Parties(document, mentions, b, rules.LiftsProducts) : [];
                    var earlierInSentence = mentions.Where(m => m.Type == "Organization" && m.Entity is not null && m.Range.Length > 0
                                                                && m.Range.Start >= sentence.Range.Start && m.Range.End <= clause.Start).ToList();
                    foreach (var (subject, @object) in _implicit.Pairs(clauseText, clause.Start, parties, earlier, earlierInSentence,
                                 rules.HubNouns, (a, c) => IsListed(document, a, c)))
                        yield return (Build(document, sentence, rules.Type, subject, @object), clause.Start, plan);
                    continue;
                }
                foreach (var (subject, @object) in Pairs(document, clauseText, clause.Start, parties, mentions, rules, rules.LooseBlocker?.IsMatch(spokenText) != true))
                {
                    if (subject.Entity == @object.Entity) continue;
                    yield return (Build(document, sentence, rules.Type, subject, @object), clause.Start, plan);
                }
            }
        }
    }

    /// <summary>
    /// The clause with the names in it blanked out: a word inside a name (全球基础设施合作伙伴, 平台与设备) is no trigger,
    /// relational noun nor case word of the clause. Offsets stay as they were.
    /// </summary>
    private static string WithoutNames(string clauseText, TextRange clause, IReadOnlyList<Mention> mentions)
    {
        char[]? masked = null;
        foreach (var mention in mentions)
        {
            if (mention.Range.Length < 2 || mention.Range.Start < clause.Start || mention.Range.End > clause.End) continue;
            masked ??= clauseText.ToCharArray();
            masked.AsSpan(mention.Range.Start - clause.Start, mention.Range.Length).Fill(NameMark);
        }
        return masked is null ? clauseText : new string(masked);
    }

    /// <summary>What a name's characters read as in a clause searched for words: no word of any list holds it.</summary>
    private const char NameMark = '\u25A1';

    private RelationCandidate Build(Document document, Sentence sentence, string type, Mention subject, Mention @object)
    {
        var confidence = Confidence * (subject.IsAnaphor || @object.IsAnaphor ? AnaphorPenalty : 1.0);
        var date = _ontology.RelationType(type).Attributes.Contains("date")
            ? DateResolver.FindAll(document.Text, sentence.Range.Start, sentence.Range.End, document.Article.PublishedAt).FirstOrDefault()?.Iso
            : null;
        return new RelationCandidate(type, subject.Entity!, @object.Entity!, Math.Round(confidence, 3), sentence, new RelationAttributes(Date: date));
    }

    /// <summary>The sentence's clauses (<see cref="SentenceClauses"/>); a clause opening with 以及 or 还有 goes on with the one before.</summary>
    private List<TextRange> Clauses(Document document, Sentence sentence)
    {
        var clauses = new List<TextRange>();
        foreach (var clause in SentenceClauses.Of(document.Text, sentence))
        {
            var continues = clauses.Count > 0 && _continuations.Any(c => string.CompareOrdinal(document.Text, clause.Start, c, 0, c.Length) == 0);
            if (continues) clauses[^1] = clauses[^1] with { End = clause.End };
            else clauses.Add(clause);
        }
        return clauses;
    }

    /// <summary>Where the first trigger word stands that is not part of a longer word saying something else, or -1.</summary>
    private static int FirstTrigger(string clause, TypeRules rules)
    {
        var first = -1;
        foreach (var trigger in rules.Triggers)
        {
            for (var at = clause.IndexOf(trigger, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(trigger, at + 1, StringComparison.Ordinal))
            {
                if (IsInsideOther(clause, at, trigger.Length, rules.NotTriggers)) continue;
                if (first < 0 || at < first) first = at;
                break;
            }
        }
        return first;
    }

    /// <summary>
    /// Whether a list starting at <paramref name="at"/> in its clause may be the clause's subject: near its start (据悉，A、B…),
    /// or right after 由, which names who does what the clause says (这一联盟去年9月由A、B和C共同发起).
    /// </summary>
    private static bool OpensList(string clause, int at) => at <= MaxListOpening || at > 0 && clause[at - 1] == '由';

    /// <summary>The first trigger word at or after <paramref name="from"/> that is not part of a longer word saying something else.</summary>
    private static (int At, int Length)? TriggerAfter(string clause, int from, TypeRules rules)
    {
        (int At, int Length)? first = null;
        foreach (var trigger in rules.Triggers)
        {
            for (var at = clause.IndexOf(trigger, Math.Max(0, from), StringComparison.Ordinal); at >= 0; at = clause.IndexOf(trigger, at + 1, StringComparison.Ordinal))
            {
                if (IsInsideOther(clause, at, trigger.Length, rules.NotTriggers)) continue;
                if (first is null || at < first.Value.At) first = (at, trigger.Length);
                break;
            }
        }
        return first;
    }

    private static bool IsInsideOther(string clause, int at, int length, string[] others)
    {
        foreach (var other in others)
        {
            for (var start = Math.Max(0, at + length - other.Length); start <= at && start + other.Length <= clause.Length; start++)
            {
                if (string.CompareOrdinal(clause, start, other, 0, other.Length) == 0) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The clause's organizations (and products, where they stand for their makers), in order. An organization
    /// written right before another (谷歌DeepMind, 慕尼黑大学的CompVis) or before 旗下 only names the next one's parent.
    /// </summary>
    private List<Mention> Parties(Document document, IReadOnlyList<Mention> mentions, TextRange clause, bool withProducts)
    {
        var inClause = mentions.Where(m => m.Entity is not null && m.Range.Start >= clause.Start && m.Range.Start < clause.End).ToList();
        var parties = new List<Mention>();
        for (var i = 0; i < inClause.Count; i++)
        {
            var mention = inClause[i];
            if (mention.Type != "Organization" && !(withProducts && mention.Type == "Product")) continue;
            var next = i + 1 < inClause.Count ? inClause[i + 1] : null;
            if (mention.Type == "Organization" && next is { Type: "Organization" } && mention.Range.Length > 0
                && (next.Range.Start == mention.Range.End || document.Slice(mention.Range.End, Math.Max(mention.Range.End, next.Range.Start)) == "的")) continue;
            if (_parentWords.Any(w => string.CompareOrdinal(document.Text, mention.Range.End, w, 0, w.Length) == 0)) continue;
            if (parties.Count > 0 && IsRepeatedName(document, parties[^1], mention)) continue;
            parties.Add(mention);
        }
        return parties;
    }

    /// <summary>
    /// Another name of a party written right after it, in brackets or after a word of its description (德国电信（Deutsche
    /// Telekom）, 英伟达（NVIDIA，英伟达）, 阿联酋电信集团e&amp;): the same item of a list.
    /// </summary>
    private static bool IsRepeatedName(Document document, Mention party, Mention mention)
    {
        if (party.Range.Length == 0 || mention.Range.Start < party.Range.End) return false;
        var gap = document.Slice(party.Range.End, mention.Range.Start);
        // Inside the brackets right after a party: another name or short form of it, even one read as another entity
        // (全球基础设施合作伙伴（Global Infrastructure Partners，GIP）).
        if (gap.Length > 0 && gap[0] is '（' or '(' && gap.AsSpan().IndexOfAny('）', ')') < 0) return true;
        return mention.Entity == party.Entity && gap.Length <= MaxDescribedGap
               && gap.AsSpan().IndexOfAny(SentenceClauses.Breaks) < 0 && !gap.Contains('、');
    }

    /// <summary>The gap between two parties without the bracketed spellings opening it (（Oracle）、 → 、).</summary>
    private static string WithoutBrackets(string gap)
    {
        while (gap.Length > 0 && gap[0] is '（' or '(')
        {
            var close = gap.AsSpan().IndexOfAny('）', ')');
            if (close < 0) break;
            gap = gap[(close + 1)..];
        }
        return gap;
    }

    private IEnumerable<(Mention Subject, Mention Object)> Pairs(Document document, string clause, int clauseStart, List<Mention> parties,
        IReadOnlyList<Mention> mentions, TypeRules rules, bool loose)
    {
        // A relational noun names both sides (英特尔收购了赛灵思的老对手Altera): its owner against the list after it, or the
        // list before it (A和B都是X的合作伙伴), whatever else the clause says of them.
        if (HubOf(document, clause, clauseStart, parties, rules) is { } hub)
        {
            var index = parties.IndexOf(hub);
            var others = index + 1 < parties.Count ? ListFrom(document, parties, index + 1) : index > 0 ? ListUpTo(document, parties, index - 1) : [];
            return others.Where(p => p.Entity != hub.Entity).Select(p => (hub, p));
        }
        // Without one, a clause that also speaks of money, clients or ownership is read by the patterns alone.
        if (!loose) return [];
        foreach (var join in _joins)
        {
            if (Sides(document, clause, clauseStart, parties, mentions, join, rules) is { } sides)
                return sides.Before.SelectMany(a => sides.After.Select(b => (a, b)));
        }
        // A plural anaphor alone (双方在数据中心场景合作多年, 两家在城市领航辅助驾驶上正面交锋) relates the parties it stands for to each other.
        if (parties.All(p => p.IsAnaphor && !p.StandsForListItem && p.Range.Length > 0 && p.Range == parties[0].Range))
            return parties.SelectMany((a, i) => parties.Skip(i + 1).Select(b => (a, b)));
        // One list of organizations opening the clause that the trigger verb follows is one subject acting together
        // (英伟达、微软和谷歌三家公司宣布联合成立…): each with each. Not before a relational noun (AMD、英特尔等对手 are someone
        // else's), and not for rivals: a list of them (A的X、B的Y都在争夺用户) is the topic's rivals, not each other's.
        if (!rules.LiftsProducts && parties.All(p => p.Range.Length > 0) && OpensList(clause, parties[0].Range.Start - clauseStart)
            && ListFrom(document, parties, 0).Count == parties.Count
            && TriggerAfter(clause, parties[^1].Range.End - clauseStart, rules) is { } verb && !IsInsideOther(clause, verb.At, verb.Length, rules.HubNouns))
            return parties.SelectMany((a, i) => parties.Skip(i + 1).Select(b => (a, b)));
        // The first party named, not a topic carried in, against the list after it: a list of its own names someone else's
        // rivals or partners (AMD、英特尔等对手); a partnership is stated between the two (A携手B), not after them.
        var first = parties[0];
        // The first party's own product right after it is one item with it (亚马逊的Trainium芯片剑指英伟达).
        var next = IsOwnProduct(document, first, parties[1]) ? 2 : 1;
        if (next >= parties.Count || IsListed(document, parties[next - 1], parties[next]) || first.Range.Length == 0) return [];
        // A person between them is who acts (前GitHub CEO张三将与其共同领导…): the first party only describes the person.
        if (mentions.Any(m => m.Type == "Person" && m.Range.Start >= first.Range.End && m.Range.End <= parties[next].Range.Start)) return [];
        if (!rules.LiftsProducts && FirstTrigger(document.Slice(first.Range.End, Math.Max(first.Range.End, parties[next].Range.Start)), rules) < 0) return [];
        return ListFrom(document, parties, next).Select(p => (first, p));
    }

    /// <summary>
    /// Two parties one after the other in one list (A、B; 谷歌的TPU、亚马逊的Trainium; 电影公司A与B), or two that one plural
    /// anaphor stands for (双方, 与它们竞争).
    /// </summary>
    private bool IsListed(Document document, Mention earlier, Mention later)
    {
        if (later.Range == earlier.Range && later.IsAnaphor && earlier.IsAnaphor && later.Range.Length > 0) return true;
        if (later.Range.Start < earlier.Range.End) return false;
        var gap = WithoutBrackets(document.Slice(earlier.Range.End, later.Range.Start));
        // A list word and a description of the later item (以及阿布扎比的AI投资公司MGX): the description is what may not be long.
        var listWord = _listWords.Where(w => gap.StartsWith(w, StringComparison.Ordinal)).MaxBy(w => w.Length);
        if (gap.Length - (listWord?.Length ?? 0) > MaxJoinGap) return false;
        if (gap.Length == 0 || _itemWords.Contains(gap)) return true;
        // A list goes on after a comma only with 以及, 还有 (…包括A、B，以及C).
        var lastBreak = gap.AsSpan().LastIndexOfAny(SentenceClauses.Breaks);
        if (lastBreak >= 0) return _continuations.Any(c => string.CompareOrdinal(gap, lastBreak + 1, c, 0, c.Length) == 0);
        // A later item may follow a description of the one before (慕尼黑大学的CompVis研究团队和Runway).
        return _listWords.Any(w => gap.StartsWith(w, StringComparison.Ordinal))
               || gap.Length <= MaxDescribedGap && gap.IndexOfAny(['、', '和', '及']) > 0;
    }

    /// <summary>A product written right after an organization as its own (亚马逊的Trainium, 谷歌自研的TPU).</summary>
    private bool IsOwnProduct(Document document, Mention organization, Mention product) =>
        organization.Type == "Organization" && product.Type == "Product" && product.Range.Start >= organization.Range.End
        && document.Slice(organization.Range.End, product.Range.Start) is var gap && (gap.Length == 0 || _itemWords.Contains(gap));

    /// <summary>The party at <paramref name="index"/> and those listed after it.</summary>
    private List<Mention> ListFrom(Document document, List<Mention> parties, int index)
    {
        var list = new List<Mention> { parties[index] };
        for (var i = index + 1; i < parties.Count && IsListed(document, parties[i - 1], parties[i]); i++) list.Add(parties[i]);
        return list;
    }

    /// <summary>The party at <paramref name="index"/> and those listed before it.</summary>
    private List<Mention> ListUpTo(Document document, List<Mention> parties, int index)
    {
        var list = new List<Mention> { parties[index] };
        for (var i = index - 1; i >= 0 && IsListed(document, parties[i], parties[i + 1]); i--) list.Insert(0, parties[i]);
        return list;
    }

    /// <summary>Characters of pronouns that would name the noun's owner (他们的对手, 其合作伙伴).</summary>
    private static readonly SearchValues<char> Pronouns = SearchValues.Create(LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "pronouns"));

    /// <summary>
    /// In an interview's answer, parties called rivals or partners with no owner named (Naver和LG AI研究院都是很强的对手;
    /// 谷歌翻译也一直是最直接的对手) are the interviewee's organization's: the answer's organization, when every party of
    /// the clause stands in one list before 是 and the relational noun after it.
    /// </summary>
    private Mention? SpeakersCalling(Document document, Sentence sentence, TextRange clause, string clauseText, List<Mention> parties, TypeRules rules)
    {
        if (parties.Count == 0 || !document.Turns.TryGetValue(sentence.Paragraph, out var turn) || clause.Start < turn.SpokenFrom
            || turn.Organization.Entity is null || parties.Any(p => p.Range.Length == 0 || p.IsAnaphor)) return null;
        var listEnd = parties[^1].Range.End - clause.Start;
        if (ListUpTo(document, parties, parties.Count - 1).Count != parties.Count) return null;
        var copula = clauseText.IndexOf('是', listEnd);
        if (copula < 0) return null;
        var rest = clauseText.AsSpan(copula + 1);
        // The noun closes the clause as its predicate (…都是很强的对手), owned by nobody (not …是他们的对手).
        foreach (var noun in rules.HubNouns)
        {
            if (!rest.EndsWith(noun, StringComparison.Ordinal) && !rest.EndsWith(noun + "之一", StringComparison.Ordinal)) continue;
            var description = rest[..rest.LastIndexOf(noun, StringComparison.Ordinal)];
            if (description.Length > MaxOwnerGap || description.IndexOfAny(SentenceClauses.Breaks) >= 0 || description.IndexOfAny(Pronouns) >= 0) return null;
            return turn.Organization;
        }
        return null;
    }

    /// <summary>The party written X的… right before a relational noun of the type (Harvey的早期合作伙伴), if any.</summary>
    private static Mention? HubOf(Document document, string clause, int clauseStart, List<Mention> parties, TypeRules rules)
    {
        foreach (var noun in rules.HubNouns)
        {
            for (var at = clause.IndexOf(noun, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(noun, at + 1, StringComparison.Ordinal))
            {
                var owner = parties.LastOrDefault(p => p.Range.Length > 0 && p.Range.End <= clauseStart + at);
                if (owner is null) continue;
                var gap = document.Text.AsSpan(owner.Range.End, clauseStart + at - owner.Range.End);
                if (gap.Length <= MaxOwnerGap && gap.StartsWith("的", StringComparison.Ordinal)) return owner;
            }
        }
        return null;
    }

    /// <summary>
    /// The list of parties right before a case word and the list right after it (A与B、C共同成立…), when a trigger follows
    /// it and no person stands between the first list and the case word (X的CEO张三与B: the case word joins people).
    /// </summary>
    private (List<Mention> Before, List<Mention> After)? Sides(Document document, string clause, int clauseStart, List<Mention> parties,
        IReadOnlyList<Mention> mentions, string join, TypeRules rules)
    {
        for (var at = clause.IndexOf(join, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(join, at + 1, StringComparison.Ordinal))
        {
            var position = clauseStart + at;
            var last = parties.FindLastIndex(p => p.Range.End <= position);
            var next = parties.FindIndex(p => p.Range.Start >= position + join.Length);
            if (last < 0 || next < 0 || parties[next].Range.Start - (position + join.Length) > MaxJoinGap) continue;
            if (FirstTrigger(clause[(at + join.Length)..], rules) < 0) continue;
            if (mentions.Any(m => m.Type == "Person" && m.Range.Start >= parties[last].Range.End && m.Range.End <= position)) continue;
            return (ListUpTo(document, parties, last), ListFrom(document, parties, next));
        }
        return null;
    }
}
