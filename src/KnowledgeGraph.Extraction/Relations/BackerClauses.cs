using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// A fallback for funding news the precise patterns miss, read clause by clause: a clause that ends with a backer's
/// word (领投, 跟投, 继续加注) makes every organization or person named before that word in the clause a backer,
/// however the list around them is written (unknown names, brackets, 老股东, 等机构). The company is the one that
/// raised a round in an earlier clause of the sentence (X宣布完成…融资，由A领投，B跟投) or, failing that, in a later one
/// (A领投，B跟投，X完成新一轮融资); in a sentence about the
/// round (本轮由A领投), the one that last raised a round in the paragraph or the sentence before; a clause that names
/// the round as a company's (在月之暗面的B轮融资中，A领投，B跟投; X的B轮融资由A领投，B跟投) names the company too. Its words are in
/// <c>relations/backer-clauses.tsv</c>.
/// </summary>
public sealed class BackerClauses
{
    private const int RaiseReach = 24;

    // Arrays, not lists behind an interface: they are walked at every character of a clause, and an interface's
    // enumerator is an allocation each time.
    private readonly string[] _raise;
    private readonly string[] _raiseObjects;
    private readonly (string Word, bool Lead)[] _backing;
    private readonly string[] _after;
    private readonly string[] _round;
    private readonly string[] _frameOpen;
    private readonly string[] _frameLinks;

    public BackerClauses(LanguageResources resources)
    {
        var rows = resources.Rows("relations/backer-clauses.tsv", 2);
        string[] Of(string kind) =>
            rows.Where(r => r[0].Trim() == kind).Select(r => r[1].Trim()).Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToArray();
        _raise = Of("raise");
        _raiseObjects = Of("raise-object");
        _after = Of("after");
        _round = Of("round");
        _frameOpen = Of("frame-open");
        _frameLinks = Of("frame-link");
        _backing = Of("lead").Select(w => (w, true)).Concat(Of("follow").Select(w => (w, false)))
            .OrderByDescending(b => b.Item1.Length).ToArray();
    }

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

        /// <summary>The sentence that raised the round last raised and its raising clause: the round's amount, name and date are there.</summary>
        public Sentence? RaisedIn { get; private set; }

        public TextRange RaisingClause { get; private set; }

        internal void Raised(Mention company, Sentence sentence, TextRange clause) =>
            (Company, Paragraph, Sentence, RaisedIn, RaisingClause) = (company, sentence.Paragraph, sentence.Index, sentence, clause);

        /// <summary>
        /// The company whose round the clause holding <paramref name="position"/> is about (本轮由A领投，B跟投), so that
        /// its backers invest in it rather than in a company the clauses before only named (仅次于…DeepL).
        /// </summary>
        public Mention? CompanyAt(int position) =>
            Clauses.FirstOrDefault(c => c.Clause.Start <= position && position <= c.Clause.End).Company;
    }

    public readonly record struct Finding(Mention Backer, Mention Company, bool Lead, int ClauseStart, int ClauseEnd, int TriggerEnd);

    public List<Finding> Find(Document document, Sentence sentence, IReadOnlyList<Mention> mentions, RoundOwner owner)
    {
        var text = document.Text;
        var findings = new List<Finding>();
        // A paragraph about the round may follow the one announcing it (…宣布完成B轮融资。¶本轮由A领投).
        // Not across the start of an item of a round-up: its round is its own company's.
        var earlier = owner.Company is not null && (owner.Paragraph >= sentence.Paragraph - 1 || owner.Sentence == sentence.Index - 1)
                      && !document.Separates(owner.Paragraph, sentence.Paragraph) ? owner.Company : null;
        Mention? raisedHere = null;
        var aboutRound = false;
        owner.Clauses.Clear();
        var clauses = SentenceClauses.Of(text, sentence).ToList();
        // Each clause's raising company is read once, so that backers named before the company (红杉中国领投，腾讯跟投，
        // 智谱AI完成新一轮融资) find the one raising later in the sentence without a second pass over it.
        var raising = clauses.Select(c => RaisingCompany(text, sentence.Range.Start, c.Start, c.End, mentions)).ToList();
        for (var c = 0; c < clauses.Count; c++)
        {
            var (start, end) = clauses[c];
            aboutRound |= ContainsAny(text, start, end, _round);
            if (raising[c] is { } company)
            {
                raisedHere = company;
                owner.Raised(company, sentence, new TextRange(start, end));
                continue;
            }
            if (FramingCompany(text, start, end, mentions) is { } framed)
            {
                raisedHere = framed;
                owner.Raised(framed, sentence, new TextRange(start, end));
            }
            var target = raisedHere ?? (aboutRound ? earlier : null) ?? RaisingLater(raising, c);
            if (target?.Entity is not null) owner.Clauses.Add((new TextRange(start, end), target));
            if (target?.Entity is null || ClosingBacker(text, start, end) is not { } backing) continue;
            foreach (var backer in mentions)
            {
                if (backer.Range.Start < start || backer.Range.End > backing.At || backer.Range.Length == 0 || backer.IsAnaphor) continue;
                if (backer.Type is not ("Organization" or "Person") || backer.Entity is null || backer.Entity == target.Entity) continue;
                var after = PastBrackets(text, backer.Range.End, backing.At);
                if (OwnsNext(text, after, mentions, backing.At) || InBrackets(text, start, backer.Range.Start) || DescribesNext(text, after, mentions, backing.At)) continue;
                findings.Add(new Finding(backer, target, backing.Lead, start, end, backing.At + backing.Length));
            }
        }
        return findings;
    }

    /// <summary>The company a later clause of the sentence says raised the round, if any.</summary>
    private static Mention? RaisingLater(List<Mention?> raising, int clause)
    {
        for (var later = clause + 1; later < raising.Count; later++)
        {
            if (raising[later] is { } company) return company;
        }
        return null;
    }

    /// <summary>
    /// The organization named last before a raising word whose round follows in the clause (X宣布完成11亿元新一轮融资);
    /// in a clause that names none, the one that closes the clause before (…的AI芯片公司Tenstorrent，于12月2日宣布完成…融资).
    /// </summary>
    private Mention? RaisingCompany(string text, int sentenceStart, int start, int end, IReadOnlyList<Mention> mentions)
    {
        for (var i = start; i < end; i++)
        {
            var word = WordAt(text, i, end, _raise);
            if (word is null) continue;
            var reach = Math.Min(end, i + word.Length + RaiseReach);
            if (!ContainsAny(text, i + word.Length, reach, _raiseObjects)) continue;
            return mentions.LastOrDefault(m => m.Range.Start >= start && m.Range.End <= i && m.Type == "Organization" && m.Entity is not null)
                   ?? mentions.LastOrDefault(m => m.Range.Start >= sentenceStart && m.Range.Length > 0 && m.Type == "Organization" && m.Entity is not null
                                                  && PastBrackets(text, m.Range.End, start) == start - 1);
        }
        return null;
    }

    /// <summary>
    /// The organization a clause names as the round's owner: it opens the clause (after 在), a link word follows it
    /// (的, 在, 本轮) and the round's name right after that (百川智能的B轮融资由红杉资本领投; 在月之暗面的B轮融资中;
    /// Anthropic在新一轮融资中筹集了35亿美元), so that the clauses after it (腾讯跟投) are about its round, not about the
    /// backer named last. A name that does not open the clause is a backer (由红杉资本领投的B轮融资中), and so is one
    /// that invests with no other name before its word of investing (英伟达的投资部门参与了本轮; 红杉资本本轮继续加码).
    /// </summary>
    private Mention? FramingCompany(string text, int start, int end, IReadOnlyList<Mention> mentions)
    {
        var at = start;
        while (at < end && char.IsWhiteSpace(text[at])) at++;
        if (WordAt(text, at, end, _frameOpen) is { } open) at += open.Length;
        var company = mentions.FirstOrDefault(m => m.Range.Start == at && m.Type == "Organization" && m.Entity is not null && !m.IsAnaphor);
        if (company is null) return null;
        var after = PastBrackets(text, company.Range.End, end);
        if (WordAt(text, after, end, _frameLinks) is null) return null;
        var reach = Math.Min(end, after + RoundNameReach);
        var named = false;
        for (var i = after; i < end; i++)
        {
            if (mentions.Any(m => m.Range.Start == i)) return named ? company : null;
            if (text[i] is '投' or '参' or '股' || _backing.Any(b => string.CompareOrdinal(text, i, b.Word, 0, b.Word.Length) == 0)) return null;
            named |= i < reach && WordAt(text, i, end, _raiseObjects) is not null;
        }
        return named ? company : null;
    }

    /// <summary>How far a round's name may reach from the link word to its round word (的最新一轮, 在新一轮).</summary>
    private const int RoundNameReach = 12;

    /// <summary>A backer's word that only the words of <c>after</c> separate from the clause's end.</summary>
    private (int At, int Length, bool Lead)? ClosingBacker(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            foreach (var (word, lead) in _backing)
            {
                if (string.CompareOrdinal(text, i, word, 0, word.Length) != 0) continue;
                var rest = i + word.Length;
                while (rest < end && WordAt(text, rest, end, _after) is { } after) rest += after.Length;
                if (rest == end) return (i, word.Length, lead);
                break;
            }
        }
        return null;
    }

    /// <summary>
    /// A name followed by 的 owns what comes next (阿里巴巴的…): the next name is the backer. After 旗下 only a name
    /// that follows it in the same list item is the backer (沙特主权基金PIF旗下的AI公司HUMAIN领投); a fund it leaves
    /// unnamed (中金资本旗下基金和春华资本联合领投) is the owner's money.
    /// </summary>
    private static bool OwnsNext(string text, int end, IReadOnlyList<Mention> mentions, int before) =>
        end < text.Length && (text[end] == '的' || string.CompareOrdinal(text, end, "旗下", 0, 2) == 0 && DescribesNext(text, end, mentions, before));

    /// <summary>A name inside brackets is another spelling of the name before them (富达（Fidelity Management &amp; Research）).</summary>
    private static bool InBrackets(string text, int clauseStart, int position)
    {
        var open = text.LastIndexOfAny(['（', '('], Math.Max(clauseStart, position - 1), Math.Max(0, position - clauseStart));
        return open >= 0 && text.IndexOfAny(['）', ')'], open, position - open) < 0;
    }

    /// <summary>
    /// A name written before the next one with no joiner between describes it (亚马逊创始人杰夫·贝索斯, 谷歌前CEO埃里克·施密特):
    /// the next one is the backer.
    /// </summary>
    private static bool DescribesNext(string text, int backerEnd, IReadOnlyList<Mention> mentions, int before)
    {
        var next = mentions.FirstOrDefault(m => m.Range.Start >= backerEnd && m.Range.Length > 0 && !InBrackets(text, backerEnd, m.Range.Start));
        if (next is null || next.Range.End > before) return false;
        return text.IndexOfAny(Joiners, backerEnd, next.Range.Start - backerEnd) < 0;
    }

    private static readonly char[] Joiners = ['、', '，', ',', '和', '与', '及', '同', '跟'];

    /// <summary>Where the text goes on after a bracket that follows a name (阿什顿·库彻（Ashton Kutcher）的…).</summary>
    private static int PastBrackets(string text, int position, int limit)
    {
        if (position >= limit || text[position] is not ('（' or '(')) return position;
        var close = text.IndexOfAny(['）', ')'], position, limit - position);
        return close < 0 ? position : close + 1;
    }

    private static string? WordAt(string text, int position, int end, string[] words)
    {
        foreach (var word in words)
        {
            if (position + word.Length <= end && string.CompareOrdinal(text, position, word, 0, word.Length) == 0) return word;
        }
        return null;
    }

    private static bool ContainsAny(string text, int start, int end, string[] words)
    {
        for (var i = start; i < end; i++)
        {
            if (WordAt(text, i, end, words) is not null) return true;
        }
        return false;
    }
}
