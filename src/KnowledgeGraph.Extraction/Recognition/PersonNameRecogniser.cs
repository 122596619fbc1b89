using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// People the lexicon does not know: transliterations joined by a middle dot (达里奥·阿莫代伊), and Chinese or
/// transliterated names right after a title or role (CEO纳德拉, 联合创始人苏莱曼) or right before a speech verb.
/// </summary>
public sealed class PersonNameRecogniser(RecognitionData data) : IPipelineStage
{
    private const int MaxTransliterationLength = 6;

    public void Process(Document document)
    {
        foreach (var sentence in document.Sentences)
        {
            FindDottedNames(document, sentence);
            FindNamesAfterIntroducers(document, sentence);
            FindNamesBeforeSpeech(document, sentence);
        }
    }

    private void FindDottedNames(Document document, Sentence sentence)
    {
        var text = document.Text;
        for (var i = sentence.Range.Start; i < sentence.Range.End; i++)
        {
            if (text[i] != '·' || i == sentence.Range.Start) continue;
            var start = i;
            while (start > sentence.Range.Start && IsHan(text[start - 1]) && i - start < MaxTransliterationLength) start--;
            var end = i + 1;
            while (end < sentence.Range.End && (IsHan(text[end]) || text[end] == '·' && end + 1 < sentence.Range.End && IsHan(text[end + 1]))
                   && end - i <= MaxTransliterationLength * 2) end++;
            start = TrimToTransliteration(text, start, i);
            end = TrimEndToTransliteration(text, i + 1, end);
            if (i - start >= 1 && end - i > 2)
                Add(document, sentence, start, end, 0.85);
            i = end;
        }
    }

    private void FindNamesAfterIntroducers(Document document, Sentence sentence)
    {
        var text = document.Text;
        var tokens = document.TokensOf(sentence).ToList();
        for (var t = 0; t < tokens.Count; t++)
        {
            var introducer = RecognitionData.MatchEndingAt(data.PersonIntroducers, text, tokens[t].Range.End);
            if (introducer is null) continue;
            var nameStart = tokens[t].Range.End;
            if (nameStart >= sentence.Range.End || !IsHan(text[nameStart])) continue;
            var end = TransliterationRunEnd(text, nameStart, sentence.Range.End);
            if (end - nameStart >= 2 && end - nameStart <= 5)
            {
                Add(document, sentence, nameStart, end, 0.8);
                continue;
            }
            if (ChineseNameAt(tokens, t + 1) is { } name)
                Add(document, sentence, name.Start, name.End, 0.75);
        }
    }

    private void FindNamesBeforeSpeech(Document document, Sentence sentence)
    {
        var tokens = document.TokensOf(sentence).ToList();
        for (var t = 1; t < tokens.Count; t++)
        {
            if (tokens[t].Text is not ("表示" or "称" or "说" or "认为" or "指出" or "透露" or "坦言" or "强调" or "介绍")) continue;
            var candidate = tokens[t - 1];
            if (candidate.Range.Length is >= 2 and <= 3 && (candidate.Tag.StartsWith("nr", StringComparison.Ordinal) || !candidate.InDictionary && data.StartsWithSurname(candidate.Text)))
                Add(document, sentence, candidate.Range.Start, candidate.Range.End, 0.7);
        }
    }

    /// <summary>A Chinese personal name starting at token <paramref name="index"/>: a name-tagged word, or surname + given name.</summary>
    private TextRange? ChineseNameAt(IReadOnlyList<Token> tokens, int index)
    {
        if (index >= tokens.Count) return null;
        var token = tokens[index];
        if (token.Range.Length is >= 2 and <= 4 && (token.Tag.StartsWith("nr", StringComparison.Ordinal) || !token.InDictionary && data.StartsWithSurname(token.Text)))
            return token.Range;
        if (token.Range.Length == 1 && data.Surnames.Contains(token.Text) && index + 1 < tokens.Count)
        {
            var given = tokens[index + 1];
            if (given.Range.Length is 1 or 2 && given.Range.Start == token.Range.End && IsHan(given.Text[0]) && !data.IsGeneric(given.Text))
                return new TextRange(token.Range.Start, given.Range.End);
        }
        return null;
    }

    private int TransliterationRunEnd(string text, int start, int limit)
    {
        var end = start;
        while (end < limit && end - start < 6 && (data.TransliterationCharacters.Contains(text[end]) || text[end] == '·')) end++;
        return end;
    }

    private int TrimToTransliteration(string text, int start, int dot)
    {
        var first = dot;
        while (first > start && data.TransliterationCharacters.Contains(text[first - 1])) first--;
        return first;
    }

    private int TrimEndToTransliteration(string text, int start, int end)
    {
        var last = start;
        while (last < end && (data.TransliterationCharacters.Contains(text[last]) || text[last] == '·')) last++;
        return last;
    }

    private void Add(Document document, Sentence sentence, int start, int end, double confidence)
    {
        var surface = document.Slice(start, end);
        if (data.IsGeneric(surface)) return;
        document.Mentions.Add(new Mention(new TextRange(start, end), surface, "Person", MentionSource.Pattern, confidence) { Sentence = sentence.Index });
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
