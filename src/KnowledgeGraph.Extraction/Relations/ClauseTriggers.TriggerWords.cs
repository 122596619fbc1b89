namespace KnowledgeGraph.Extraction.Relations;

// Where a type's trigger words stand in a clause, when not inside a longer word that says something else.
public sealed partial class ClauseTriggers
{
    /// <summary>How far into its clause a list acting together may begin (据悉，A、B和C…; 今年，A和B…).</summary>
    private const int MaxListOpening = 4;

    /// <summary>Where the first trigger word stands that is not part of a longer word saying something else, or -1.</summary>
    private static int FirstTrigger(string clause, TypeRules rules)
    {
        var first = -1;
        foreach (var trigger in rules.Triggers)
        {
            for (var at = clause.IndexOf(trigger, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(trigger, at + 1, StringComparison.Ordinal))
            {
                if (IsInsideOther(clause, at, trigger.Length, rules.NotTriggers)) continue;
                if (first < 0 || at < first) first = at;
                break;
            }
        }
        return first;
    }

    /// <summary>
    /// Whether a list starting at <paramref name="at"/> in its clause may be the clause's subject: near its start (据悉，A、B…),
    /// or right after 由, which names who does what the clause says (这一联盟去年9月由A、B和C共同发起).
    /// </summary>
    private static bool OpensList(string clause, int at) => at <= MaxListOpening || at > 0 && clause[at - 1] == '由';

    /// <summary>The first trigger word at or after <paramref name="from"/> that is not part of a longer word saying something else.</summary>
    private static (int At, int Length)? TriggerAfter(string clause, int from, TypeRules rules)
    {
        (int At, int Length)? first = null;
        foreach (var trigger in rules.Triggers)
        {
            for (var at = clause.IndexOf(trigger, Math.Max(0, from), StringComparison.Ordinal); at >= 0; at = clause.IndexOf(trigger, at + 1, StringComparison.Ordinal))
            {
                if (IsInsideOther(clause, at, trigger.Length, rules.NotTriggers)) continue;
                if (first is null || at < first.Value.At) first = (at, trigger.Length);
                break;
            }
        }
        return first;
    }

    private static bool IsInsideOther(string clause, int at, int length, string[] others)
    {
        foreach (var other in others)
        {
            for (var start = Math.Max(0, at + length - other.Length); start <= at && start + other.Length <= clause.Length; start++)
            {
                if (string.CompareOrdinal(clause, start, other, 0, other.Length) == 0) return true;
            }
        }
        return false;
    }
}
