using System.Text;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Finds relations sentence by sentence. Each sentence is rewritten with its mentions as slots (&lt;O3&gt; for
/// mention 3, an organization) and the patterns of <c>relations/patterns.tsv</c> run over that; what they assert is
/// kept when the assertion cues allow, with attributes (amount, round, lead, date, role) from the sentence.
/// </summary>
public sealed class RelationExtractor(
    IReadOnlyList<RelationPattern> patterns,
    AssertionCues cues,
    AmountParser amounts,
    OntologySchema ontology) : IPipelineStage
{
    private const double AnaphorPenalty = 0.85;

    private static readonly HashSet<string> AmountTypes = ["INVESTED_IN", "ACQUIRED", "ACQUIHIRED", "LICENSED_TO"];

    public void Process(Document document)
    {
        var bySentence = document.Mentions.Where(m => m.Entity is not null && m.Sentence >= 0).ToLookup(m => m.Sentence);
        var found = new List<(RelationCandidate Candidate, int EvidenceStart, bool Plan)>();
        foreach (var sentence in document.Sentences)
        {
            var mentions = bySentence[sentence.Index].Where(m => Kind(m.Type) != '\0').OrderBy(m => m.Range.Start).ToList();
            if (mentions.Count < 2) continue;
            found.AddRange(FindInSentence(document, sentence, mentions));
        }
        document.Relations.AddRange(DropReversed(document, found).Select(f => f.Candidate));
    }

    private IEnumerable<(RelationCandidate, int, bool)> FindInSentence(Document document, Sentence sentence, List<Mention> mentions)
    {
        var (slotted, positions) = Slot(document, sentence, mentions);
        var kinds = mentions.Select(m => Kind(m.Type)).ToHashSet();
        foreach (var pattern in patterns)
        {
            if (!pattern.NeededKinds.All(kinds.Contains)) continue;
            for (var match = pattern.Regex.Match(slotted); match.Success; match = pattern.Regex.Match(slotted, match.Index + 1))
            {
                var evidenceStart = positions[match.Index];
                var evidenceEnd = positions[match.Index + match.Length];
                var upToEnd = document.Slice(sentence.Range.Start, evidenceEnd);
                if (cues.IsUncertain(upToEnd) || cues.IsNegated(document.Slice(evidenceStart, evidenceEnd))) continue;
                var plan = cues.IsPlan(document.Slice(evidenceStart, evidenceEnd)) || cues.IsPlan(ClauseBefore(document, sentence, evidenceStart));
                foreach (var subject in MentionsIn(match.Groups["s"], mentions))
                foreach (var @object in MentionsIn(match.Groups["o"], mentions))
                {
                    if (Build(document, sentence, pattern, match, subject, @object, mentions, evidenceStart) is { } candidate)
                        yield return (candidate, evidenceStart, plan);
                }
            }
        }
    }

    private RelationCandidate? Build(Document document, Sentence sentence, RelationPattern pattern, System.Text.RegularExpressions.Match match,
        Mention subject, Mention @object, List<Mention> mentions, int evidenceStart)
    {
        if (subject.Entity == @object.Entity) return null;
        var definition = ontology.RelationType(pattern.Type);
        if (!definition.Accepts(subject.Entity!.Type, @object.Entity!.Type)) return null;
        var confidence = pattern.Confidence * (subject.IsAnaphor || @object.IsAnaphor ? AnaphorPenalty : 1.0);
        var attributes = Attributes(document, sentence, definition, pattern, match, mentions, subject, evidenceStart);
        return new RelationCandidate(pattern.Type, subject.Entity, @object.Entity, Math.Round(confidence, 3), sentence, attributes);
    }

    private RelationAttributes Attributes(Document document, Sentence sentence, RelationTypeDefinition definition, RelationPattern pattern,
        System.Text.RegularExpressions.Match match, List<Mention> mentions, Mention subject, int evidenceStart)
    {
        var allowed = definition.Attributes;
        string? role = allowed.Contains("role") && match.Groups["r"].Success ? match.Groups["r"].Value : null;
        string? product = allowed.Contains("product") ? MentionsIn(match.Groups["p"], mentions).FirstOrDefault()?.Entity?.Name : null;
        decimal? amount = null;
        string? currency = null;
        if (AmountTypes.Contains(definition.Name))
        {
            var money = amounts.FindAll(document.Text, sentence.Range.Start, sentence.Range.End)
                .Where(a => !IsValuation(document.Text, a.Start))
                .OrderBy(a => a.Start >= evidenceStart ? 0 : 1)
                .ThenBy(a => Math.Abs(a.Start - evidenceStart))
                .FirstOrDefault();
            amount = money?.Value;
            currency = money?.Currency;
        }
        string? round = allowed.Contains("round") ? FundingRound.Find(document.Slice(sentence.Range.Start, sentence.Range.End)) : null;
        bool? lead = null;
        if (allowed.Contains("lead"))
        {
            var afterSubject = document.Text.AsSpan(subject.Range.End, Math.Min(4, sentence.Range.End - subject.Range.End));
            lead = pattern.Settings.ContainsKey("lead") || afterSubject.Contains("领投", StringComparison.Ordinal) ? true : null;
        }
        var date = allowed.Contains("date")
            ? DateResolver.FindAll(document.Text, sentence.Range.Start, sentence.Range.End, document.Article.PublishedAt).FirstOrDefault()?.Iso
            : null;
        return new RelationAttributes(role, amount, currency, round, lead, date, product);
    }

    private static bool IsValuation(string text, int amountStart)
    {
        var before = text.AsSpan(Math.Max(0, amountStart - 6), Math.Min(6, amountStart));
        return before.Contains("估值", StringComparison.Ordinal) || before.Contains("总额", StringComparison.Ordinal)
               || before.Contains("累计", StringComparison.Ordinal) || before.Contains("营收", StringComparison.Ordinal)
               || before.Contains("市值", StringComparison.Ordinal) || before.Contains("收入", StringComparison.Ordinal);
    }

    /// <summary>Plans stated before a reversal in the same paragraph did not happen; the reversal's own clause stands.</summary>
    private IEnumerable<(RelationCandidate Candidate, int EvidenceStart, bool Plan)> DropReversed(Document document,
        List<(RelationCandidate Candidate, int EvidenceStart, bool Plan)> found)
    {
        var reversals = document.Sentences
            .Select(s => (Sentence: s, At: cues.ReversalAt(document.Slice(s.Range.Start, s.Range.End))))
            .Where(r => r.At >= 0)
            .Select(r => (r.Sentence.Paragraph, Position: r.Sentence.Range.Start + r.At))
            .ToList();
        return found.Where(f => !(f.Plan && reversals.Any(r => r.Paragraph == f.Candidate.Sentence.Paragraph && r.Position > f.EvidenceStart)));
    }

    private static string ClauseBefore(Document document, Sentence sentence, int position)
    {
        var start = position;
        while (start > sentence.Range.Start && document.Text[start - 1] is not ('，' or ',')) start--;
        return document.Slice(start, position);
    }

    private static IEnumerable<Mention> MentionsIn(System.Text.RegularExpressions.Group group, List<Mention> mentions)
    {
        if (!group.Success) yield break;
        foreach (System.Text.RegularExpressions.Capture capture in group.Captures)
        {
            var value = capture.Value;
            for (var i = value.IndexOf('<'); i >= 0; i = value.IndexOf('<', i + 1))
            {
                var close = value.IndexOf('>', i);
                if (close > i + 2 && int.TryParse(value.AsSpan(i + 2, close - i - 2), out var index) && index < mentions.Count)
                    yield return mentions[index];
            }
        }
    }

    /// <summary>
    /// The sentence with every mention replaced by its slot, and for every character of it the position in the
    /// document text it stands for (a slot stands for its mention's start; one more entry for the end).
    /// </summary>
    private static (string Slotted, int[] Positions) Slot(Document document, Sentence sentence, List<Mention> mentions)
    {
        var builder = new StringBuilder(sentence.Range.Length + mentions.Count * 4);
        var positions = new List<int>(sentence.Range.Length + mentions.Count * 4 + 1);
        var cursor = sentence.Range.Start;
        for (var index = 0; index < mentions.Count; index++)
        {
            var mention = mentions[index];
            if (mention.Range.Start < cursor) continue;
            for (; cursor < mention.Range.Start; cursor++)
            {
                builder.Append(document.Text[cursor] switch { '<' => '‹', '>' => '›', var c => c });
                positions.Add(cursor);
            }
            var slot = $"<{Kind(mention.Type)}{index}>";
            builder.Append(slot);
            for (var i = 0; i < slot.Length - 1; i++) positions.Add(mention.Range.Start);
            positions.Add(mention.Range.End - 1);
            cursor = mention.Range.End;
        }
        for (; cursor < sentence.Range.End; cursor++)
        {
            builder.Append(document.Text[cursor] switch { '<' => '‹', '>' => '›', var c => c });
            positions.Add(cursor);
        }
        positions.Add(sentence.Range.End);
        return (builder.ToString(), positions.ToArray());
    }

    private static char Kind(string type) => type switch
    {
        "Person" => 'P',
        "Organization" => 'O',
        "Product" => 'R',
        _ => '\0',
    };
}
