using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

// The topic kept from sentence to sentence of a document.
public sealed partial class ClauseTopics
{
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
}
