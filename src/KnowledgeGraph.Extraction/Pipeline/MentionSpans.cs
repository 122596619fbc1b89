namespace KnowledgeGraph.Extraction.Pipeline;

/// <summary>
/// Mentions by the position they start at, for the questions stages ask about one place in the text (what overlaps
/// it, what lies inside it, what ends there). Walking every mention of the article for each such question made the
/// extraction time grow with the square of the article's length. A question costs the length of the range asked
/// about plus the length of the longest mention held.
/// </summary>
public sealed class MentionSpans
{
    private readonly Dictionary<int, List<Mention>> _byStart = [];
    private int _longest;

    public MentionSpans(IEnumerable<Mention> mentions)
    {
        foreach (var mention in mentions) Add(mention);
    }

    public void Add(Mention mention)
    {
        if (!_byStart.TryGetValue(mention.Range.Start, out var starting)) _byStart[mention.Range.Start] = starting = [];
        starting.Add(mention);
        _longest = Math.Max(_longest, mention.Range.Length);
    }

    public void Remove(Mention mention)
    {
        if (_byStart.TryGetValue(mention.Range.Start, out var starting)) starting.Remove(mention);
    }

    /// <summary>The mentions that share a character with <paramref name="range"/> (see <see cref="TextRange.Overlaps"/>).</summary>
    public List<Mention> Overlapping(TextRange range) => StartingBetween(range.Start - _longest + 1, range.End, m => m.Range.Overlaps(range));

    /// <summary>The mentions that lie inside <paramref name="range"/>.</summary>
    public List<Mention> Within(TextRange range) => StartingBetween(range.Start, range.End + 1, m => m.Range.End <= range.End);

    /// <summary>The mentions that end at <paramref name="end"/>.</summary>
    public List<Mention> EndingAt(int end) => StartingBetween(end - _longest, end + 1, m => m.Range.End == end);

    private List<Mention> StartingBetween(int first, int limit, Func<Mention, bool> condition)
    {
        var found = new List<Mention>();
        for (var start = Math.Max(0, first); start < limit; start++)
        {
            if (!_byStart.TryGetValue(start, out var starting)) continue;
            foreach (var mention in starting)
            {
                if (condition(mention)) found.Add(mention);
            }
        }
        return found;
    }
}
