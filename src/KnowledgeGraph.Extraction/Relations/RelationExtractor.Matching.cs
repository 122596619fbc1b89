using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

// How the patterns run over a slotted sentence: which may match, every match with its further objects, and which
// matches the assertion cues and the clause's topics let through.
public sealed partial class RelationExtractor
{
    private IEnumerable<(RelationCandidate, int, bool)> FindInSentence(Document document, Sentence sentence, List<Mention> mentions,
        List<Mention> carried, ClauseTopics.Chain chain, LeadingOrganization leading, BackerClauses.RoundOwner round,
        HashSet<RelationCandidate> eitherWay, YieldingCandidates yielding, PatternWords.Occurrences words, SentenceAttributes attributes,
        CalledOffDeals calledOff)
    {
        var alone = mentions.Count < 2;
        var (slotted, positions) = Slot(document, sentence, mentions, carried);
        var kinds = mentions.Aggregate(0, (bits, m) => bits | RelationPattern.KindBit(Kind(m.Type)));
        var sentenceText = document.Slice(sentence.Range.Start, sentence.Range.End);
        words.Fill(sentenceText, slotted);
        for (var index = words.NextCandidate(-1); index >= 0; index = words.NextCandidate(index))
        {
            var pattern = _patterns[index];
            if (alone && !pattern.ObjectIsTopic) continue;
            if (!pattern.MayMatchKinds(kinds) || !_patternWords.Passes(index, words, out var latestStart)) continue;
            var matches = Matches(pattern, slotted, latestStart);
            for (var matchIndex = 0; matchIndex < matches.Count; matchIndex++)
            {
                var match = matches[matchIndex];
                var evidenceStart = positions[match.Index];
                var evidenceEnd = positions[match.Index + match.Length];
                // A noun phrase (谷歌的Gemini) presupposes what it says, whatever the sentence speculates about around it.
                var presupposed = pattern.Settings.ContainsKey("nominal") && !cues.IsDeniedWithin(Span(document, evidenceStart, evidenceEnd));
                var uncertain = cues.IsUncertain(Span(document, sentence.Range.Start, evidenceEnd), sentenceText, evidenceStart - sentence.Range.Start, hedgeEndsAtContrast: true);
                if (!presupposed && uncertain || cues.IsNegated(Span(document, evidenceStart, evidenceEnd))) continue;
                // A deal called off or only attempted in the clause (曾试图收购X创办的SSI) leaves what a noun phrase in it
                // presupposes about people and products standing; a deal it presupposes falls with the deal.
                if ((!presupposed || DealTypes.Contains(pattern.Type)) && cues.IsDeniedInClause(Clause(document, sentence, evidenceStart, evidenceEnd)))
                {
                    if (!pattern.ObjectIsTopic) calledOff.Add(pattern.Type, MentionsIn(match.Groups["s"], mentions), MentionsIn(match.Groups["o"], mentions));
                    continue;
                }
                var plan = cues.IsPlan(Span(document, evidenceStart, evidenceEnd)) || cues.IsPlan(ClauseBefore(document, sentence, evidenceStart));
                var objects = (pattern.ObjectIsHeld ? heldCompanies.At(document, evidenceStart, MentionsIn(match.Groups["s"], mentions).ToList()) is { } held ? [held] : []
                               : pattern.ObjectIsTopic ? TopicAsObject(document, chain, round, evidenceStart, pattern.Type, sentence, leading) : MentionsIn(match.Groups["o"], mentions)).ToList();
                foreach (var (subject, named) in RespectivePairs.Of(slotted, match, MentionsIn(match.Groups["s"], mentions).ToList(), objects))
                {
                    // 本轮融资 stands for the company whose round the clause is about; a pattern for it names no other company.
                    var namesRound = named.IsAnaphor && backerClauses.NamesRound(document.Text, named.Range);
                    if (pattern.Settings.ContainsKey("round-object") && !namesRound) continue;
                    var @object = namesRound && pattern.Type == "INVESTED_IN" && round.CompanyAt(named.Range.Start) is { } roundCompany ? roundCompany : named;
                    // A carried topic stands for the clause's own subject: a gap that steps over other names could hand it another clause's predicate.
                    if (pattern.StepsOverMentions && (carried.Contains(subject) || carried.Contains(@object))) continue;
                    if (ReachedAcrossClause(match, slotted, mentions, carried, subject) || ReachedAcrossClause(match, slotted, mentions, carried, @object)) continue;
                    // Nor is it the company of a round that another name raised: a recognised one (英伟达参投的Perplexity完成了…融资，
                    // 由软银领投), or one the recogniser missed (本轮由A领投 with no round raised before).
                    if (pattern.Type == "INVESTED_IN" && (carried.Contains(@object) || @object.IsAnaphor) && round.CompanyAt(subject.Range.Start) is var roundOwner
                        && (roundOwner is null ? round.IsUnownedRoundAt(subject.Range.Start) : carried.Contains(@object) && roundOwner.Entity != @object.Entity)) continue;
                    // What a noun phrase presupposes is what it names; an organization guessed for a gap in it or taken from the
                    // topic is not named, unless the sentence named that topic before (网传知更鸟已被收购，创始人周牧回应称…).
                    var guessed = @object.IsAnaphor || pattern.ObjectIsTopic;
                    var topicNamedBefore = (pattern.ObjectIsTopic || carried.Contains(@object) || @object.Range.Length == 0) && NamedBefore(mentions, @object, evidenceStart);
                    if (uncertain && (subject.IsAnaphor || guessed && !topicNamedBefore)) continue;
                    if (Build(document, sentence, pattern, match, subject, @object, mentions, evidenceStart, evidenceEnd, attributes) is { } built)
                    {
                        var candidate = WithRoundFacts(document, sentence, round, evidenceStart, built);
                        if (pattern.Settings.ContainsKey("either-way")) eitherWay.Add(candidate);
                        if (pattern.Settings.TryGetValue("yields", out var strongerType)) yielding.Add(candidate, strongerType);
                        yield return (candidate, evidenceStart, plan);
                    }
                }
            }
        }
    }

    /// <summary>The sentence names the organization itself, not by an anaphor, before the position.</summary>
    private static bool NamedBefore(List<Mention> mentions, Mention organization, int position) =>
        mentions.Any(m => !m.IsAnaphor && m.Entity == organization.Entity && m.Range.End <= position);

    /// <summary>
    /// A carried topic is the subject of the clause it opens: a match that began in an earlier clause does not make it
    /// the object of a verb there (「谷歌已同意向Anthropic投资最多20亿美元：先期投入5亿美元」 is no investment in 谷歌 by Anthropic).
    /// </summary>
    private static bool ReachedAcrossClause(System.Text.RegularExpressions.Match match, string slotted, List<Mention> mentions, List<Mention> carried,
        Mention mention)
    {
        if (!carried.Contains(mention)) return false;
        var slot = slotted.IndexOf($"{CarriedSlotOpening}{Kind(mention.Type)}{mentions.IndexOf(mention)}{CarriedSlotClosing}", match.Index, match.Length, StringComparison.Ordinal);
        return slot > match.Index && slotted.AsSpan(match.Index, slot - match.Index).IndexOfAny(SentenceClauses.Breaks) >= 0;
    }

    /// <summary>
    /// Every match, overlapping ones included: from each start, the objects already found are masked and the
    /// pattern tried again, so that one subject reaches every object it relates to. A pattern that runs too long on
    /// a sentence is given up for it. Most calls find nothing, so the list is made at the first match.
    /// </summary>
    /// <remarks>No match starts after <paramref name="latestStart"/>: the pattern's required words would not all follow it.</remarks>
    private static IReadOnlyList<System.Text.RegularExpressions.Match> Matches(RelationPattern pattern, string slotted, int latestStart)
    {
        List<System.Text.RegularExpressions.Match>? matches = null;
        try
        {
            if (pattern.OpeningKinds.Length > 0)
            {
                for (var slot = slotted.IndexOfAny(SlotOpenings); slot >= 0 && slot <= latestStart; slot = slotted.IndexOfAny(SlotOpenings, slot + 1))
                {
                    if (slot + 1 >= slotted.Length || !pattern.OpeningKinds.Contains(slotted[slot + 1])) continue;
                    var match = pattern.Regex.Match(slotted, slot);
                    if (match.Success) AddWithFurtherObjects(pattern, slotted, match, matches ??= []);
                }
            }
            else
            {
                for (var match = pattern.Regex.Match(slotted); match.Success; match = pattern.Regex.Match(slotted, match.Index + 1))
                {
                    AddWithFurtherObjects(pattern, slotted, match, matches ??= []);
                    if (match.Index + 1 > latestStart) break;
                }
            }
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
        }
        return (IReadOnlyList<System.Text.RegularExpressions.Match>?)matches ?? [];
    }

    private static void AddWithFurtherObjects(RelationPattern pattern, string slotted, System.Text.RegularExpressions.Match match,
        List<System.Text.RegularExpressions.Match> matches)
    {
        matches.Add(match);
        var masked = slotted;
        for (var retry = match; retry.Success && retry.Index == match.Index && retry.Groups["o"].Success && matches.Count < 1000; )
        {
            masked = MaskObjects(masked, retry.Groups["o"]);
            retry = pattern.AnchoredRegex.Match(masked, match.Index);
            if (retry.Success && retry.Index == match.Index) matches.Add(retry);
        }
    }

    private static string MaskObjects(string slotted, System.Text.RegularExpressions.Group objects) =>
        string.Create(slotted.Length, (slotted, objects), static (chars, state) =>
        {
            state.slotted.AsSpan().CopyTo(chars);
            foreach (System.Text.RegularExpressions.Capture capture in state.objects.Captures)
            {
                for (var i = capture.Index; i < capture.Index + capture.Length - 1; i++)
                {
                    if (chars[i] is '<' or CarriedSlotOpening) chars[i + 1] = 'X';
                }
            }
        });
}
