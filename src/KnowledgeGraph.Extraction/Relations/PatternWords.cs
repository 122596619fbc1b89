using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// The words of the three literal tests a relation pattern passes before its regex runs — its trigger in the
/// sentence (<see cref="RelationPattern.Triggers"/>), the words of its <see cref="RelationPattern.SlottedPrefilter"/>
/// and its <see cref="RelationPattern.RequiredWords"/> in the slotted sentence — numbered once for all patterns.
/// Patterns share most of these words (投资, 收购, 创始人), so each is looked up at most once per sentence
/// (<see cref="Occurrences"/>) instead of once per pattern and test. Filling the lookup for a sentence also finds
/// its trigger words in one pass and from them the patterns worth testing (<see cref="Occurrences.NextCandidate"/>):
/// most patterns have a trigger, and most sentences hold the triggers of few.
/// </summary>
public sealed class PatternWords
{
    private readonly string[] _words;
    private readonly Tests[] _tests;
    private readonly TriggerIndex _triggers;

    private PatternWords(string[] words, Tests[] tests)
    {
        _words = words;
        _tests = tests;
        _triggers = new TriggerIndex(words, tests);
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
    public Occurrences NewOccurrences() => new(_words, _triggers);

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

    internal sealed record Tests(int[] Triggers, int[][] PrefilterSets, int[][] RequiredSets);

    /// <summary>
    /// The trigger words (words of letters, never empty) by their first character, and for each the patterns it
    /// triggers; patterns without a trigger are candidates in every sentence.
    /// </summary>
    internal sealed class TriggerIndex
    {
        private readonly Dictionary<char, int[]> _wordsByFirstCharacter;
        private readonly ulong[] _firstCharacters = new ulong[(char.MaxValue + 1) / 64];

        public TriggerIndex(string[] words, Tests[] tests)
        {
            AlwaysTried = new ulong[(tests.Length + 63) / 64];
            var patternsByWord = new List<int>?[words.Length];
            for (var pattern = 0; pattern < tests.Length; pattern++)
            {
                if (tests[pattern].Triggers.Length == 0) AlwaysTried[pattern / 64] |= 1UL << (pattern % 64);
                foreach (var word in tests[pattern].Triggers) (patternsByWord[word] ??= []).Add(pattern);
            }
            PatternsByWord = patternsByWord.Select(patterns => patterns?.ToArray() ?? []).ToArray();
            var triggerWords = Enumerable.Range(0, words.Length).Where(word => PatternsByWord[word].Length > 0).ToList();
            _wordsByFirstCharacter = triggerWords.GroupBy(word => words[word][0]).ToDictionary(group => group.Key, group => group.ToArray());
            foreach (var first in _wordsByFirstCharacter.Keys) _firstCharacters[first / 64] |= 1UL << (first % 64);
        }

        /// <summary>Bits of the patterns without a trigger.</summary>
        public ulong[] AlwaysTried { get; }

        /// <summary>For each word, the patterns it is a trigger of (empty for words of the other tests).</summary>
        public int[][] PatternsByWord { get; }

        /// <summary>The trigger words that begin at this character of the text.</summary>
        public ReadOnlySpan<int> StartingWith(char c) =>
            (_firstCharacters[c / 64] & (1UL << (c % 64))) != 0 ? _wordsByFirstCharacter[c] : [];
    }

    /// <summary>
    /// Where the numbered words occur in one sentence and its slotted form: the trigger words found in one pass over
    /// the sentence when it is filled, the others in the slotted sentence on first asking, where a word whose letters
    /// the slotted sentence's <see cref="CharacterSketch"/> lacks is not searched for.
    /// </summary>
    public sealed class Occurrences
    {
        private const int Unknown = -2;

        private readonly string[] _words;
        private readonly TriggerIndex _triggers;
        private readonly int[] _lastInSlotted;
        private readonly bool[] _inSentence;
        private readonly ulong[] _candidates;
        private readonly CharacterSketch _slottedSketch = new();
        private string _slotted = "";

        internal Occurrences(string[] words, TriggerIndex triggers)
        {
            _words = words;
            _triggers = triggers;
            _lastInSlotted = new int[words.Length];
            _inSentence = new bool[words.Length];
            _candidates = new ulong[triggers.AlwaysTried.Length];
        }

        public void Fill(string sentence, string slotted)
        {
            _slotted = slotted;
            _slottedSketch.Fill(slotted);
            Array.Fill(_lastInSlotted, Unknown);
            Array.Clear(_inSentence);
            _triggers.AlwaysTried.CopyTo(_candidates, 0);
            for (var i = 0; i < sentence.Length; i++)
            {
                foreach (var word in _triggers.StartingWith(sentence[i]))
                {
                    if (!_inSentence[word] && sentence.AsSpan(i).StartsWith(_words[word], StringComparison.Ordinal)) Found(word);
                }
            }
        }

        private void Found(int triggerWord)
        {
            _inSentence[triggerWord] = true;
            foreach (var pattern in _triggers.PatternsByWord[triggerWord]) _candidates[pattern / 64] |= 1UL << (pattern % 64);
        }

        /// <summary>
        /// The first pattern after <paramref name="previous"/> (-1 to begin) that has no trigger or whose trigger the
        /// sentence holds, in the patterns' order; -1 when none is left. The other tests are <see cref="Passes"/>'.
        /// </summary>
        public int NextCandidate(int previous)
        {
            var from = previous + 1;
            for (var block = from / 64; block < _candidates.Length; block++)
            {
                var bits = _candidates[block];
                if (block == from / 64) bits &= ~0UL << (from % 64);
                if (bits != 0) return block * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits);
            }
            return -1;
        }

        /// <summary>Whether the sentence holds a trigger word, as <see cref="Fill"/> found.</summary>
        public bool InSentence(int triggerWord) => _inSentence[triggerWord];

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
