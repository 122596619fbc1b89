using System.Buffers;
using System.Text.Json;

namespace KnowledgeGraph.Extraction.Segmentation;

/// <summary>
/// jieba's HMM for words its dictionary does not know: every character Begins, is in the Middle of, Ends or is a
/// Single word, and the most probable sequence of those states (Viterbi) gives the words. Uses jieba's own model
/// (prob_trans.json, prob_emit.json) and jieba.NET's order of operations and tie rules, over arrays instead of
/// dictionaries, so that its words are the ones jieba.NET's HMM gives.
/// </summary>
public sealed class HiddenMarkovSegmenter
{
    private const int B = 0, M = 1, E = 2, S = 3;
    private const double MinimumLogProbability = -3.14e100;
    private static readonly char[] StateNames = ['B', 'M', 'E', 'S'];

    /// <summary>The states each state may follow, in jieba.NET's order (a later one wins a tie).</summary>
    private static readonly int[][] Predecessors = [[E, S], [M, B], [B, M], [S, E]];

    private static readonly double[] Start = [-0.26268660809250016, MinimumLogProbability, MinimumLogProbability, -1.4652633398537678];

    private readonly double[,] _transition = new double[4, 4];
    private readonly double[][] _emission = new double[4][];

    private HiddenMarkovSegmenter(string transitionJson, string emissionJson)
    {
        var transition = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(transitionJson)!;
        var emission = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(emissionJson)!;
        for (var from = 0; from < 4; from++)
        {
            for (var to = 0; to < 4; to++)
            {
                _transition[from, to] = transition.TryGetValue(StateNames[from].ToString(), out var row)
                                        && row.TryGetValue(StateNames[to].ToString(), out var p) ? p : MinimumLogProbability;
            }
            _emission[from] = new double[char.MaxValue + 1];
            Array.Fill(_emission[from], MinimumLogProbability);
            if (!emission.TryGetValue(StateNames[from].ToString(), out var emitted)) continue;
            foreach (var (character, probability) in emitted)
            {
                if (character.Length == 1) _emission[from][character[0]] = probability;
            }
        }
    }

    public static HiddenMarkovSegmenter Load(string directory) =>
        new(File.ReadAllText(Path.Combine(directory, "prob_trans.json")), File.ReadAllText(Path.Combine(directory, "prob_emit.json")));

    /// <summary>
    /// Appends the words of <c>text[start..end)</c>: Chinese runs by the HMM, anything else between them (middle dots)
    /// as one word each, as jieba.NET's HMM cut does.
    /// </summary>
    public void Cut(string text, int start, int end, List<(int Start, int End)> words)
    {
        var i = start;
        while (i < end)
        {
            var han = IsHan(text[i]);
            var runEnd = i + 1;
            while (runEnd < end && IsHan(text[runEnd]) == han) runEnd++;
            if (han) CutHan(text, i, runEnd, words);
            else words.Add((i, runEnd));
            i = runEnd;
        }
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    private void CutHan(string text, int start, int end, List<(int Start, int End)> words)
    {
        var length = end - start;
        Span<double> score = stackalloc double[4];
        Span<double> next = stackalloc double[4];
        // One row of four predecessors per character, flat: a two-dimensional array is created by a slow runtime
        // helper, which cost more than the Viterbi pass itself on short runs.
        var from = ArrayPool<int>.Shared.Rent(length * 4);
        var states = ArrayPool<int>.Shared.Rent(length);
        try
        {
            Viterbi(text, start, length, score, next, from, states);
            AddWords(start, end, states.AsSpan(0, length), words);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(from);
            ArrayPool<int>.Shared.Return(states);
        }
    }

    private void Viterbi(string text, int start, int length, Span<double> score, Span<double> next, int[] from, int[] states)
    {
        for (var state = 0; state < 4; state++) score[state] = Start[state] + _emission[state][text[start]];
        for (var i = 1; i < length; i++)
        {
            var c = text[start + i];
            for (var state = 0; state < 4; state++)
            {
                var emitted = _emission[state][c];
                var best = double.MinValue;
                var bestFrom = -1;
                foreach (var previous in Predecessors[state])
                {
                    var candidate = score[previous] + _transition[previous, state] + emitted;
                    if (best <= candidate)
                    {
                        best = candidate;
                        bestFrom = previous;
                    }
                }
                next[state] = best;
                from[i * 4 + state] = bestFrom;
            }
            var swap = score;
            score = next;
            next = swap;
        }

        states[length - 1] = score[E] < score[S] ? S : E;
        for (var i = length - 1; i > 0; i--) states[i - 1] = from[i * 4 + states[i]];
    }

    private static void AddWords(int start, int end, ReadOnlySpan<int> states, List<(int Start, int End)> words)
    {
        var length = end - start;
        int begin = 0, after = 0;
        for (var i = 0; i < length; i++)
        {
            switch (states[i])
            {
                case B:
                    begin = i;
                    break;
                case E:
                    words.Add((start + begin, start + i + 1));
                    after = i + 1;
                    break;
                case S:
                    words.Add((start + i, start + i + 1));
                    after = i + 1;
                    break;
            }
        }
        if (after < length) words.Add((start + after, end));
    }
}
