using System.Buffers;

namespace KnowledgeGraph.Extraction.Segmentation;

/// <summary>
/// jieba's accurate mode with HMM, computed over <see cref="SegmenterDictionary"/> without allocating a string per
/// prefix: the word graph of each run, the most probable route through it, and jieba's HMM
/// (<see cref="HiddenMarkovSegmenter"/>) only for stretches of single characters that are not a word together. Cuts are the ones jieba.NET's
/// <c>Cut(text, cutAll: false, hmm: true)</c> gives for the same characters (a test compares them).
/// </summary>
public sealed class WordGraphSegmenter(SegmenterDictionary dictionary, HiddenMarkovSegmenter unknownWords)
{
    /// <summary>Appends the words of <c>text[start..end)</c> to <paramref name="words"/> as (start, end) pairs.</summary>
    /// <param name="nodes">
    /// When given, gets for each word the dictionary node the route through the word graph reached it by, or
    /// <see cref="UnknownNode"/> for a single character or an HMM word: the caller need not walk the dictionary again.
    /// </param>
    public void Cut(string text, int start, int end, List<(int Start, int End)> words, List<int>? nodes = null)
    {
        var i = start;
        while (i < end)
        {
            if (!IsGraphCharacter(text[i]))
            {
                words.Add((i, i + 1));
                nodes?.Add(UnknownNode);
                i++;
                continue;
            }
            var blockEnd = i + 1;
            while (blockEnd < end && IsGraphCharacter(text[blockEnd])) blockEnd++;
            CutBlock(text, i, blockEnd, words, nodes);
            i = blockEnd;
        }
    }

    /// <summary>The characters jieba.NET hands to its word graph (its default "Han" expression, as far as Chinese goes).</summary>
    private static bool IsGraphCharacter(char c) => c is >= '\u4E00' and <= '\u9FD5' or '·';

    /// <summary>What <see cref="Cut"/> gives a word whose node it did not reach: the caller looks the word up itself.</summary>
    public const int UnknownNode = -1;

    private void CutBlock(string text, int start, int end, List<(int Start, int End)> words, List<int>? nodes)
    {
        var length = end - start;
        var bestEnd = ArrayPool<int>.Shared.Rent(length + 1);
        var bestScore = ArrayPool<double>.Shared.Rent(length + 1);
        var bestNode = ArrayPool<int>.Shared.Rent(length + 1);
        try
        {
            Route(text, start, length, bestEnd, bestScore, bestNode);
            var pendingStart = -1;
            var x = 0;
            while (x < length)
            {
                var y = bestEnd[x] + 1;
                if (y - x == 1)
                {
                    if (pendingStart < 0) pendingStart = x;
                }
                else
                {
                    if (pendingStart >= 0) AddSingles(text, start + pendingStart, start + x, words, nodes);
                    pendingStart = -1;
                    words.Add((start + x, start + y));
                    nodes?.Add(bestNode[x]);
                }
                x = y;
            }
            if (pendingStart >= 0) AddSingles(text, start + pendingStart, end, words, nodes);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bestEnd);
            ArrayPool<double>.Shared.Return(bestScore);
            ArrayPool<int>.Shared.Return(bestNode);
        }
    }

    /// <summary>
    /// From the end backwards, the word starting at each position that maximises log frequency over the rest of the
    /// run; jieba's order of operations and its tie rule (the shorter word wins) are kept, so that scores compare equal.
    /// </summary>
    /// <remarks><paramref name="bestNode"/> gets the dictionary node of each chosen word (<see cref="UnknownNode"/> when none).</remarks>
    private void Route(string text, int start, int length, int[] bestEnd, double[] bestScore, int[] bestNode)
    {
        var logTotal = Math.Log(dictionary.Total);
        bestScore[length] = 0.0;
        for (var i = length - 1; i >= 0; i--)
        {
            var chosen = -1;
            var chosenNode = UnknownNode;
            var chosenScore = double.MinValue;
            var node = SegmenterDictionary.Root;
            for (var j = i; j < length; j++)
            {
                node = dictionary.Step(node, text[start + j]);
                if (node < 0) break;
                var frequency = dictionary.Frequency(node);
                if (frequency <= 0) continue;
                var score = Math.Log(frequency) - logTotal + bestScore[j + 1];
                if (chosenScore < score)
                {
                    chosenScore = score;
                    chosen = j;
                    chosenNode = node;
                }
            }
            if (chosen < 0)
            {
                chosen = i;
                chosenScore = Math.Log(1) - logTotal + bestScore[i + 1];
            }
            bestEnd[i] = chosen;
            bestScore[i] = chosenScore;
            bestNode[i] = chosenNode;
        }
    }

    /// <summary>Single characters in a row: one each when together they are a known word, else the HMM's words.</summary>
    private void AddSingles(string text, int start, int end, List<(int Start, int End)> words, List<int>? nodes)
    {
        if (end - start == 1 || dictionary.ContainsWord(text.AsSpan(start, end - start)))
        {
            for (var i = start; i < end; i++) words.Add((i, i + 1));
        }
        else
        {
            unknownWords.Cut(text, start, end, words);
        }
        while (nodes is not null && nodes.Count < words.Count) nodes.Add(UnknownNode);
    }
}
