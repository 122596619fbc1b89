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
/// the round as a company's (在月之暗面的B轮融资中，A领投，B跟投; X的B轮融资由A领投，B跟投) or as the object of its leader's verb
/// (A领投了X的B轮融资，B、C跟投) names the company too. Its words are in
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
    private readonly string[] _raiserFree;
    private readonly string[] _roundVerbs;
    private readonly string[] _listGoesOn;
    private readonly string[] _armWords;

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
        _raiserFree = Of("raiser-free");
        _roundVerbs = Of("round-verb");
        _listGoesOn = Of("list-goes-on");
        _armWords = Of("arm-word");
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

    public readonly record struct Finding(Mention Backer, Mention Company, bool Lead, int ClauseStart, int ClauseEnd, int TriggerEnd);

    public List<Finding> Find(Document document, Sentence sentence, IReadOnlyList<Mention> mentions, RoundOwner owner)
    {
        var text = document.Text;
        var findings = new List<Finding>();
        // A paragraph about the round may follow the one announcing it (…宣布完成B轮融资。¶本轮由A领投).
        // Not across the start of an item of a round-up: its round is its own company's.
        // In an interviewee's answer the round is the speaker's organization's (问：谁投了你们？¶顾捷：本轮由A领投).
        var speakers = document.Turns.TryGetValue(sentence.Paragraph, out var turn) ? turn.Organization : null;
        var earlier = speakers ?? (owner.Company is not null && (owner.Paragraph >= sentence.Paragraph - 1 || owner.Sentence == sentence.Index - 1)
                      && !document.Separates(owner.Paragraph, sentence.Paragraph) ? owner.Company : null);
        // The sentence right after the round's goes on naming its backers without naming the round (…完成A轮融资。老股东X、Y继续加注).
        var continuing = owner.Sentence == sentence.Index - 1 && owner.Paragraph == sentence.Paragraph ? earlier : null;
        Mention? raisedHere = null;
        var aboutRound = false;
        var unknownRaiser = false;
        var namelessRound = false;
        var wentOn = false;
        owner.Clauses.Clear();
        owner.Unowned.Clear();
        var clauses = SentenceClauses.Of(text, sentence).ToList();
        // Each clause's raising company is read once, so that backers named before the company (红杉中国领投，腾讯跟投，
        // 智谱AI完成新一轮融资) find the one raising later in the sentence without a second pass over it.
        var raising = clauses.Select(c => RaisingCompany(text, sentence.Range.Start, c.Start, c.End, mentions)).ToList();
        for (var c = 0; c < clauses.Count; c++)
        {
            var (start, end) = clauses[c];
            if (!aboutRound && FirstOf(text, start, end, _round) is var roundAt and >= 0)
            {
                aboutRound = true;
                // A round the sentence names no company before (本轮融资由A领投) is the one raised before, if any: with
                // none raised just before, or one raised by a name the recogniser missed, the article's topic is no stand-in.
                var raisedJustBefore = owner.AnyRaise.Sentence >= 0
                                       && (owner.AnyRaise.Paragraph >= sentence.Paragraph - 1 || owner.AnyRaise.Sentence == sentence.Index - 1);
                namelessRound = speakers is null && (!raisedJustBefore || owner.AnyRaise.ByUnknown) && !mentions.Any(m => m.Range.Start >= sentence.Range.Start && m.Range.End <= roundAt && m.Range.Length > 0
                                                   && m.Type == "Organization" && m.Entity is not null);
            }
            // A topic carried into the clause (a zero-length mention) raises only where no other name stands before the raising word.
            var labelStart = c > 0 ? clauses[c - 1].Start : LabelStart(text, start);
            var raiseAt = RaisesRound(text, start, end);
            if (raising[c] is { Range.Length: 0 } && raiseAt is { } carriedRaise
                && (NamesSomethingBefore(text, start, carriedRaise) || Labelled(text, start, labelStart))) raising[c] = null;
            if (raising[c] is { } company)
            {
                (raisedHere, unknownRaiser) = (company, false);
                owner.AnyRaise = (sentence.Paragraph, sentence.Index, false);
                owner.Raised(company, sentence, new TextRange(start, end));
                continue;
            }
            // A round raised by a name the recogniser missed (3. 云图数据完成B轮融资，中金资本领投) is that name's, not the
            // round's named before it nor the article's company.
            if (raiseAt is { } raisedAt)
            {
                var unknown = NamesSomethingBefore(text, start, raisedAt) || Labelled(text, start, labelStart);
                owner.AnyRaise = (sentence.Paragraph, sentence.Index, unknown);
                if (unknown) (raisedHere, unknownRaiser) = (null, true);
            }
            if ((FramingCompany(text, start, end, mentions) ?? BackedCompany(text, start, end, mentions)) is { } framed)
            {
                (raisedHere, unknownRaiser) = (framed, false);
                owner.Raised(framed, sentence, new TextRange(start, end));
            }
            var target = unknownRaiser ? null : raisedHere ?? (aboutRound ? earlier : null) ?? RaisingLater(raising, c) ?? continuing;
            if (target?.Entity is not null) owner.Clauses.Add((new TextRange(start, end), target));
            else if (namelessRound || unknownRaiser) owner.Unowned.Add(new TextRange(start, end));
            if (target?.Entity is null || ClosingBacker(text, start, end) is not { } backing) continue;
            if (target == continuing && raisedHere is null) wentOn = true;
            var listStart = c > 0 ? ListBefore(text, start, end, clauses[c - 1]) : start;
            foreach (var backer in mentions)
            {
                if (backer.Range.Start < listStart || backer.Range.End > backing.At || backer.Range.Length == 0 || backer.IsAnaphor) continue;
                if (backer.Type is not ("Organization" or "Person") || backer.Entity is null || backer.Entity == target.Entity) continue;
                var after = PastBrackets(text, backer.Range.End, backing.At);
                if (OwnsNext(text, after, mentions, backing.At) || InBrackets(text, start, backer.Range.Start) || DescribesNext(text, after, mentions, backing.At)) continue;
                var arm = ArmInBrackets(text, backer, mentions, backing.At);
                if (arm?.Entity == target.Entity) continue;
                findings.Add(new Finding(arm ?? backer, target, backing.Lead, start, end, backing.At + backing.Length));
            }
        }
        if (wentOn) owner.Continued(sentence);
        return findings;
    }

    /// <summary>
    /// Where the backers of a clause that opens by going on with a list (，以及Adobe Ventures都出现在其中) begin: in the clause
    /// before, after its colon (跟投名单相当豪华：NVentures、AMD Ventures、Intel Capital), or at its start; else the clause's own start.
    /// </summary>
    private int ListBefore(string text, int start, int end, TextRange before)
    {
        var at = start;
        while (at < end && char.IsWhiteSpace(text[at])) at++;
        if (WordAt(text, at, end, _listGoesOn) is null) return start;
        var colon = text.LastIndexOfAny(['：', ':'], Math.Max(before.Start, before.End - 1), Math.Max(0, before.End - before.Start));
        return colon >= 0 ? colon + 1 : before.Start;
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

    /// <summary>Whether the text at <paramref name="range"/> names a round (本轮融资, 该轮融资), as an anaphor for its company does.</summary>
    public bool NamesRound(string text, TextRange range) => FirstOf(text, range.Start, range.End, _round) >= 0;

    /// <summary>Where the clause's raising word stands, if a round's word follows it (完成B轮融资).</summary>
    private int? RaisesRound(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var word = WordAt(text, i, end, _raise);
            if (word is null) continue;
            return ContainsAny(text, i + word.Length, Math.Min(end, i + word.Length + RaiseReach), _raiseObjects) ? i : null;
        }
        return null;
    }

    /// <summary>Whether the clause opens right after a label and its colon (云图数据：完成B轮融资) that names something.</summary>
    private bool Labelled(string text, int start, int labelStart) =>
        labelStart < start && text[start - 1] is '：' or ':' && NamesSomethingBefore(text, labelStart, start - 1);

    /// <summary>Where a label ending in a colon right before the sentence begins (云图数据：), when the colon ended the sentence before.</summary>
    private static int LabelStart(string text, int sentenceStart)
    {
        if (sentenceStart < 2 || text[sentenceStart - 1] is not ('：' or ':')) return sentenceStart;
        var at = sentenceStart - 1;
        while (at > 0 && sentenceStart - at < LabelReach && text[at - 1] is not ('。' or '！' or '？' or '\n' or '；' or '，' or ',')) at--;
        return at;
    }

    private const int LabelReach = 24;

    /// <summary>A run of two letters or more before the raising word that no time or adverb word accounts for (云图数据完成…).</summary>
    private bool NamesSomethingBefore(string text, int start, int raiseAt)
    {
        var run = 0;
        for (var i = start; i < raiseAt; i++)
        {
            if (WordAt(text, i, raiseAt, _raiserFree) is { } free)
            {
                i += free.Length - 1;
                run = 0;
                continue;
            }
            run = char.IsLetter(text[i]) ? run + 1 : 0;
            if (run >= 2) return true;
        }
        return false;
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

    /// <summary>
    /// The organization whose round a backer's verb takes as its object (红杉中国领投了月之暗面10亿美元的B轮融资; 英伟达参与了xAI的C轮融资):
    /// the clauses after it (腾讯、美团等机构跟投) name backers of that company's round, not of the backer named before it.
    /// </summary>
    private Mention? BackedCompany(string text, int start, int end, IReadOnlyList<Mention> mentions)
    {
        for (var i = start; i < end; i++)
        {
            if (WordAt(text, i, end, _roundVerbs) is not { } verb) continue;
            var at = i + verb.Length;
            if (at < end && text[at] == '了') at++;
            var company = mentions.FirstOrDefault(m => m.Range.Start == at && m.Range.Length > 0 && m.Type == "Organization" && m.Entity is not null && !m.IsAnaphor);
            if (company is null) continue;
            var after = PastBrackets(text, company.Range.End, end);
            var reach = Math.Min(end, after + BackedRoundReach);
            for (var j = after; j < reach; j++)
            {
                if (mentions.Any(m => m.Range.Start == j && m.Range.Length > 0)) break;
                if (WordAt(text, j, end, _raiseObjects) is not null) return company;
            }
        }
        return null;
    }

    /// <summary>How far a backed round's name may reach past its company (约6亿美元的B轮融资, 去年10月的66亿美元融资).</summary>
    private const int BackedRoundReach = 18;

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

    /// <summary>
    /// The investing arm a backer's name begins, spelled out in brackets after it (思科投资（Cisco Investments）, 三星催化基金
    /// （Samsung Catalyst Fund）): the arm backs the round, not its owner, whose name is only the first part of the arm's.
    /// </summary>
    private Mention? ArmInBrackets(string text, Mention backer, IReadOnlyList<Mention> mentions, int before)
    {
        var at = backer.Range.End;
        var limit = Math.Min(before, at + ArmReach);
        while (at < limit && text[at] is not ('（' or '(') && char.IsLetter(text[at]) && !char.IsAsciiLetter(text[at]) && Array.IndexOf(Joiners, text[at]) < 0) at++;
        if (at == backer.Range.End || at >= limit || text[at] is not ('（' or '(')) return null;
        if (!_armWords.Any(w => at - w.Length >= backer.Range.End && string.CompareOrdinal(text, at - w.Length, w, 0, w.Length) == 0)) return null;
        return mentions.FirstOrDefault(m => m.Range.Start == at + 1 && m.Type == "Organization" && m.Entity is not null && m.Entity != backer.Entity);
    }

    /// <summary>How far the words of an arm's name (投资, 催化基金) may reach past its owner's name to the bracket.</summary>
    private const int ArmReach = 6;

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
        // Every character of every clause is asked: the first character rules out nearly all words without a comparison.
        if (position >= end || position >= text.Length) return null;
        var first = text[position];
        foreach (var word in words)
        {
            if (word[0] == first && position + word.Length <= end && string.CompareOrdinal(text, position, word, 0, word.Length) == 0) return word;
        }
        return null;
    }

    private static bool ContainsAny(string text, int start, int end, string[] words) => FirstOf(text, start, end, words) >= 0;

    private static int FirstOf(string text, int start, int end, string[] words)
    {
        for (var i = start; i < end; i++)
        {
            if (WordAt(text, i, end, words) is not null) return i;
        }
        return -1;
    }
}
