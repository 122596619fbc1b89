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
    public void Cut(string text, int start, int end, List<(int Start, int End)> words)
    {
        var i = start;
        while (i < end)
        {
            if (!IsGraphCharacter(text[i]))
            {
                words.Add((i, i + 1));
                i++;
                continue;
            }
            var blockEnd = i + 1;
            while (blockEnd < end && IsGraphCharacter(text[blockEnd])) blockEnd++;
            CutBlock(text, i, blockEnd, words);
            i = blockEnd;
        }
    }

    /// <summary>The characters jieba.NET hands to its word graph (its default "Han" expression, as far as Chinese goes).</summary>
    private static bool IsGraphCharacter(char c) => c is >= '\u4E00' and <= '\u9FD5' or '·';

    private void CutBlock(string text, int start, int end, List<(int Start, int End)> words)
    {
        var length = end - start;
        var bestEnd = ArrayPool<int>.Shared.Rent(length + 1);
        var bestScore = ArrayPool<double>.Shared.Rent(length + 1);
        try
        {
            Route(text, start, length, bestEnd, bestScore);
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
                    if (pendingStart >= 0) AddSingles(text, start + pendingStart, start + x, words);
                    pendingStart = -1;
                    words.Add((start + x, start + y));
                }
                x = y;
            }
            if (pendingStart >= 0) AddSingles(text, start + pendingStart, end, words);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bestEnd);
            ArrayPool<double>.Shared.Return(bestScore);
        }
    }

    /// <summary>
    /// From the end backwards, the word starting at each position that maximises log frequency over the rest of the
    /// run; jieba's order of operations and its tie rule (the shorter word wins) are kept, so that scores compare equal.
    /// </summary>
    private void Route(string text, int start, int length, int[] bestEnd, double[] bestScore)
    {
        var logTotal = Math.Log(dictionary.Total);
        bestScore[length] = 0.0;
        for (var i = length - 1; i >= 0; i--)
        {
            var chosen = -1;
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
                }
            }
            if (chosen < 0)
            {
                chosen = i;
                chosenScore = Math.Log(1) - logTotal + bestScore[i + 1];
            }
            bestEnd[i] = chosen;
            bestScore[i] = chosenScore;
        }
    }

    /// <summary>Single characters in a row: one each when together they are a known word, else the HMM's words.</summary>
    private void AddSingles(string text, int start, int end, List<(int Start, int End)> words)
    {
        if (end - start == 1 || dictionary.ContainsWord(text.AsSpan(start, end - start)))
        {
            for (var i = start; i < end; i++) words.Add((i, i + 1));
            return;
        }
        unknownWords.Cut(text, start, end, words);
    }
}
