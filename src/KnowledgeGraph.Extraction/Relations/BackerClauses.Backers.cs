using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Relations.BackerListNames;

namespace KnowledgeGraph.Extraction.Relations;

// Which names of a clause back the round: where the list begins, the backer's word that closes the clause, an investing arm in brackets.
public sealed partial class BackerClauses
{
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
}
