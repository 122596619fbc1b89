using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Relations.BackerListNames;

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
/// <c>relations/backer-clauses.tsv</c>. Each question has its own part: which company's round a clause is about
/// (BackerClauses.Companies), which of its names back it (.Backers), the round's owner kept across sentences
/// (.RoundOwner); names in a list that are not backers themselves are <see cref="BackerListNames"/>.
/// </summary>
public sealed partial class BackerClauses
{
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
    private readonly string[] _backersNouns;

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
        _backersNouns = Of("backers-noun");
        _backing = Of("lead").Select(w => (w, true)).Concat(Of("follow").Select(w => (w, false)))
            .OrderByDescending(b => b.Item1.Length).ToArray();
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
            // A clause listing the round's backers after a noun for them (新加入的投资方包括A、B) goes on with the round too.
            if (target is not null && target == continuing && raisedHere is null && ContainsAny(text, start, end, _backersNouns)) wentOn = true;
            if (target?.Entity is null || ClosingBacker(text, start, end) is not { } backing) continue;
            // A sentence about the round, in a paragraph of its own (…完成F轮融资。¶本轮由A领投。新加入的投资方包括B；老股东C继续跟投),
            // goes on as one right after the raise does: the next sentence may name more of its backers.
            if (raisedHere is null && (target == continuing || aboutRound && target == earlier)) wentOn = true;
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
