using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// The words of the three literal tests a relation pattern passes before its regex runs — its trigger in the
/// sentence (<see cref="RelationPattern.Triggers"/>), the words of its <see cref="RelationPattern.SlottedPrefilter"/>
/// and its <see cref="RelationPattern.RequiredWords"/> in the slotted sentence — numbered once for all patterns.
/// Patterns share most of these words (投资, 收购, 创始人), so each is looked up at most once per sentence
/// (<see cref="Occurrences"/>) instead of once per pattern and test.
/// </summary>
public sealed class PatternWords
{
    private readonly string[] _words;
    private readonly Tests[] _tests;

    private PatternWords(string[] words, Tests[] tests)
    {
        _words = words;
        _tests = tests;
    }

    /// <param name="patterns">The patterns in the order the extractor tries them; <see cref="Passes"/> takes that index.</param>
    public static PatternWords Of(IReadOnlyList<RelationPattern> patterns)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Numbered(IEnumerable<string> words) => words.Select(word => ids.TryGetValue(word, out var id) ? id : ids[word] = ids.Count).ToArray();
        int[][] NumberedSets(IEnumerable<string[]> sets) => sets.Select(Numbered).ToArray();
        var tests = patterns.Select(pattern => new Tests(
            Numbered(pattern.Triggers),
            NumberedSets(pattern.SlottedPrefilter.RequiredSets),
            NumberedSets(pattern.RequiredWords))).ToArray();
        var words = new string[ids.Count];
        foreach (var (word, id) in ids) words[id] = word;
        return new PatternWords(words, tests);
    }

    /// <summary>A fresh lookup for one article; not shared between threads, since the pipeline may be.</summary>
    public Occurrences NewOccurrences() => new(_words);

    /// <summary>
    /// True when pattern number <paramref name="pattern"/> passes all three tests on the sentence that
    /// <paramref name="found"/> was last filled with; <paramref name="latestStart"/> is then the last position of the
    /// slotted sentence a match may start from so that one word of every required set still follows it.
    /// </summary>
    public bool Passes(int pattern, Occurrences found, out int latestStart)
    {
        latestStart = -1;
        var tests = _tests[pattern];
        if (tests.Triggers.Length > 0 && !AnyInSentence(tests.Triggers, found)) return false;
        foreach (var set in tests.PrefilterSets)
        {
            if (!AnyInSlotted(set, found)) return false;
        }
        var latest = int.MaxValue;
        foreach (var set in tests.RequiredSets)
        {
            var last = LastInSlotted(set, found);
            if (last < 0) return false;
            latest = Math.Min(latest, last);
        }
        latestStart = latest;
        return true;
    }

    private static bool AnyInSentence(int[] words, Occurrences found)
    {
        foreach (var word in words)
        {
            if (found.InSentence(word)) return true;
        }
        return false;
    }

    /// <summary>A prefilter set may hold every title: the first word found is enough.</summary>
    private static bool AnyInSlotted(int[] set, Occurrences found)
    {
        foreach (var word in set)
        {
            if (found.LastInSlotted(word) >= 0) return true;
        }
        return false;
    }

    /// <summary>The last position of any word of the set in the slotted sentence, or -1 when none occurs.</summary>
    private static int LastInSlotted(int[] set, Occurrences found)
    {
        var last = -1;
        foreach (var word in set) last = Math.Max(last, found.LastInSlotted(word));
        return last;
    }

    private sealed record Tests(int[] Triggers, int[][] PrefilterSets, int[][] RequiredSets);

    /// <summary>
    /// Where the numbered words occur in one sentence and its slotted form, each found on first asking; a word whose
    /// letters the sentence's <see cref="CharacterSketch"/> lacks is not searched for.
    /// </summary>
    public sealed class Occurrences
    {
        private const int Unknown = -2;

        private readonly string[] _words;
        private readonly int[] _lastInSlotted;
        private readonly sbyte[] _inSentence;
        private readonly CharacterSketch _sentenceSketch = new();
        private readonly CharacterSketch _slottedSketch = new();
        private string _sentence = "";
        private string _slotted = "";

        internal Occurrences(string[] words)
        {
            _words = words;
            _lastInSlotted = new int[words.Length];
            _inSentence = new sbyte[words.Length];
        }

        public void Fill(string sentence, string slotted)
        {
            _sentence = sentence;
            _slotted = slotted;
            _sentenceSketch.Fill(sentence);
            _slottedSketch.Fill(slotted);
            Array.Fill(_lastInSlotted, Unknown);
            Array.Clear(_inSentence);
        }

        public bool InSentence(int word)
        {
            if (_inSentence[word] == 0)
            {
                var text = _words[word];
                _inSentence[word] = (sbyte)(_sentenceSketch.MayContain(text) && _sentence.Contains(text, StringComparison.Ordinal) ? 1 : -1);
            }
            return _inSentence[word] > 0;
        }

        public int LastInSlotted(int word)
        {
            if (_lastInSlotted[word] == Unknown)
            {
                var text = _words[word];
                _lastInSlotted[word] = _slottedSketch.MayContain(text) ? _slotted.LastIndexOf(text, StringComparison.Ordinal) : -1;
            }
            return _lastInSlotted[word];
        }
    }
}
