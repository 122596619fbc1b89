using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Finds relations sentence by sentence. Each sentence is rewritten with its mentions as slots (&lt;O3&gt; for
/// mention 3, an organization) and the patterns of <c>relations/patterns.tsv</c> run over that; what they assert is
/// kept when the assertion cues allow, with attributes (amount, round, lead, date, role) from the sentence.
/// This part walks the sentences; the slotted sentence is .Slots, the patterns' matching .Matching, objects taken
/// from the clause's topic .TopicObjects, candidates and their attributes .Candidates, and what is settled over
/// the whole article .WholeArticle.
/// </summary>
public sealed partial class RelationExtractor(
    IReadOnlyList<RelationPattern> patterns,
    AssertionCues cues,
    ClauseTopics topics,
    AmountParser amounts,
    OntologySchema ontology,
    Recognition.Lexicon lexicon,
    ClauseTriggers clauseTriggers,
    BackerClauses backerClauses,
    HeldCompanies heldCompanies,
    PastJoins pastJoins) : IPipelineStage
{
    private const double AnaphorPenalty = 0.85;

    /// <summary>The deals that carry an amount and that a reversal or a calling-off undoes.</summary>
    internal static readonly HashSet<string> DealTypes = ["INVESTED_IN", "ACQUIRED", "ACQUIHIRED", "LICENSED_TO"];

    private readonly IReadOnlyList<RelationPattern> _patterns = patterns;
    private readonly PatternWords _patternWords = PatternWords.Of(patterns);

    public void Process(Document document)
    {
        var bySentence = document.Mentions.Where(m => m.Entity is not null && m.Sentence >= 0).ToLookup(m => m.Sentence);
        var found = new List<(RelationCandidate Candidate, int EvidenceStart, bool Plan)>();
        var chain = new ClauseTopics.Chain();
        var leading = new LeadingOrganization();
        var round = new BackerClauses.RoundOwner();
        var eitherWay = new HashSet<RelationCandidate>(ReferenceEqualityComparer.Instance);
        var yielding = new YieldingCandidates();
        var words = _patternWords.NewOccurrences();
        var calledOff = new CalledOffDeals();
        var paragraph = -1;
        foreach (var sentence in document.Sentences)
        {
            // An item of a round-up is about its own company, not the one the items before were mostly about.
            if (document.Separates(paragraph, sentence.Paragraph)) leading = new LeadingOrganization();
            paragraph = sentence.Paragraph;
            var mentions = SlottableInTextOrder(bySentence[sentence.Index]);
            var carried = topics.CarriedInto(document, sentence, mentions, chain);
            // The first sentences have no article topic before them but their own.
            var readAhead = leading.Current is null;
            // A backer of a round is not what the article is about, however often it is named (由A领投… A合伙人B表示).
            var named = document.Backers.Count == 0 ? mentions : mentions.Where(m => !document.Backers.Contains(m)).ToList();
            if (readAhead) leading.Read(named, chain.TopicsOfClauses);
            if (mentions.Count + carried.Count == 0) continue;
            if (carried.Count > 0)
            {
                mentions = mentions.Where(m => !(m.Range.Length == 0 && carried.Any(c => c.Range == m.Range)))
                    .Concat(carried).OrderBy(m => m.Range.Start).ThenBy(m => m.Range.Length).ToList();
            }
            var attributes = new SentenceAttributes(document, sentence, amounts);
            // The backers' clauses go first: they tell whose round each clause is about, which the patterns' topic then follows.
            found.AddRange(FindBackers(document, sentence, mentions, round, attributes));
            found.AddRange(FindInSentence(document, sentence, mentions, carried, chain, leading, round, eitherWay, yielding, words, attributes, calledOff));
            found.AddRange(clauseTriggers.Find(document, sentence, mentions));
            if (!readAhead) leading.Read(named, chain.TopicsOfClauses);
        }
        var asserted = yielding.Without(pastJoins.WithPosts(document, DropReversed(document, calledOff.Without(found))));
        asserted = FoundersOfTheBought.AtTheirCompanies(FoundersPosts.AtFoundedCompanies(FounderRosters.WithLaterItems(document, asserted)));
        document.Relations.AddRange(LiftToOwners(document, OrientedByTheArticle(asserted, eitherWay)));
    }

    /// <summary>
    /// The mentions patterns have slots for, by where they start; mentions starting together keep the article's order.
    /// Sorted by insertion into one list: a sentence has few mentions, and this runs for every sentence.
    /// </summary>
    private static List<Mention> SlottableInTextOrder(IEnumerable<Mention> inSentence)
    {
        var mentions = new List<Mention>();
        foreach (var mention in inSentence)
        {
            if (Kind(mention.Type) == '\0') continue;
            var at = mentions.Count;
            while (at > 0 && mentions[at - 1].Range.Start > mention.Range.Start) at--;
            mentions.Insert(at, mention);
        }
        return mentions;
    }

    /// <summary>The evidence with the rest of the clauses it begins and ends in.</summary>
    private static ReadOnlySpan<char> Clause(Document document, Sentence sentence, int start, int end)
    {
        var clauseStart = start - ClauseBefore(document, sentence, start).Length;
        while (end < sentence.Range.End && document.Text[end] is not ('，' or ',')) end++;
        return Span(document, clauseStart, end);
    }

    private static ReadOnlySpan<char> ClauseBefore(Document document, Sentence sentence, int position)
    {
        var start = position;
        while (start > sentence.Range.Start && document.Text[start - 1] is not ('，' or ',')) start--;
        return Span(document, start, position);
    }

    /// <summary>Text the cues only read: a view of the document, not a copy.</summary>
    private static ReadOnlySpan<char> Span(Document document, int start, int end) => document.Text.AsSpan(start, end - start);
}
