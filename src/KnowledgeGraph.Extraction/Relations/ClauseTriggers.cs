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
/// carried topic, against the rest. The assertion rules of the patterns hold here too. Each question has its own part:
/// where trigger words stand (ClauseTriggers.TriggerWords), the clause's parties and lists (.Parties), who relates to
/// whom (.Pairs).
/// </summary>
public sealed partial class ClauseTriggers
{
    private const double Confidence = 0.6;
    private const double AnaphorPenalty = 0.85;

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
                // As for the patterns, a hedge ends at a contrast (…或将把三星边缘化，但谷歌表示，与三星的合作不受影响).
                if (_cues.IsUncertain(document.Slice(sentence.Range.Start, clause.End), sentenceText, clause.Start - sentence.Range.Start, hedgeEndsAtContrast: true)
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
}
