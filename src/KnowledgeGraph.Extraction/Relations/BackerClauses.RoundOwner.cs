using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

// The company whose round the sentences read so far are about, kept from sentence to sentence.
public sealed partial class BackerClauses
{
    /// <summary>
    /// The company that last raised a round, as the sentences are read in order, and for each clause of the sentence
    /// last read the company whose round it is about, if any.
    /// </summary>
    public sealed class RoundOwner
    {
        internal Mention? Company { get; set; }
        internal int Paragraph { get; set; } = -1;
        internal int Sentence { get; set; } = -1;
        internal List<(TextRange Clause, Mention Company)> Clauses { get; } = [];

        /// <summary>Clauses of the sentence last read that speak of a round (本轮…) whose company no clause named.</summary>
        internal List<TextRange> Unowned { get; } = [];

        /// <summary>Where a round was last raised by anyone, a name the recogniser missed included, and whether by such a name.</summary>
        internal (int Paragraph, int Sentence, bool ByUnknown) AnyRaise { get; set; } = (-1, -1, false);

        /// <summary>The sentence that raised the round last raised and its raising clause: the round's amount, name and date are there.</summary>
        public Sentence? RaisedIn { get; private set; }

        public TextRange RaisingClause { get; private set; }

        internal void Raised(Mention company, Sentence sentence, TextRange clause) =>
            (Company, Paragraph, Sentence, RaisedIn, RaisingClause) = (company, sentence.Paragraph, sentence.Index, sentence, clause);

        /// <summary>A sentence that only went on naming the round's backers: the next one may go on too (跟投名单…都出现在其中。个人投资者则包括…).</summary>
        internal void Continued(Sentence sentence) => (Paragraph, Sentence) = (sentence.Paragraph, sentence.Index);

        /// <summary>
        /// The company whose round the clause holding <paramref name="position"/> is about (本轮由A领投，B跟投), so that
        /// its backers invest in it rather than in a company the clauses before only named (仅次于…DeepL).
        /// </summary>
        public Mention? CompanyAt(int position) =>
            Clauses.FirstOrDefault(c => c.Clause.Start <= position && position <= c.Clause.End).Company;

        /// <summary>
        /// Whether the clause holding <paramref name="position"/> speaks of a round whose company is not known (a round-up's
        /// item about a company the recogniser missed; 本轮 after a paragraph that raised none): its backers are nobody's,
        /// least of all the company the article was about before.
        /// </summary>
        public bool IsUnownedRoundAt(int position) => Unowned.Any(c => c.Start <= position && position <= c.End);
    }
}
