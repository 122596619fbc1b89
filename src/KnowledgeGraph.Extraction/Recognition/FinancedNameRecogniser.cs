using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Segmentation;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Young companies named bare at the head of a clause about their round (星海图近日完成数亿元Pre-A轮融资,
/// 它石智航宣布获得1.2亿美元天使轮融资): only organizations take money in, so an unknown name opening the clause
/// right before a verb of taking it (recognition/financed-subject-verbs.txt), in a sentence that speaks of a round
/// (recognition/financing-words.txt), is an organization. The name must hold a word the segmenter does not know,
/// a rare one, a proper noun, or be several words the segmenter made of a word it did not know, so that 公司近日完成 or 本轮融资完成 name nobody.
/// </summary>
public sealed class FinancedNameRecogniser(RecognitionData data, JiebaTokenizer dictionary, IReadOnlyCollection<string> verbLines, IReadOnlyCollection<string> financingWords) : IPipelineStage
{
    private const int MinNameLength = 2;
    private const int MaxNameLength = 6;
    private const double FinancedConfidence = 0.6;
    private const string AdverbMark = "+";

    private readonly IReadOnlyList<string> _adverbs = verbLines.Where(l => l.StartsWith(AdverbMark, StringComparison.Ordinal)).Select(l => l[1..]).OrderByDescending(l => l.Length).ToList();
    private readonly IReadOnlyList<string> _verbs = verbLines.Where(l => l.Length > 0 && !l.StartsWith(AdverbMark, StringComparison.Ordinal)).OrderByDescending(l => l.Length).ToList();
    private readonly IReadOnlyList<string> _financingWords = financingWords.Where(w => w.Length > 0).ToList();

    private const string ClauseOpeners = "，,；;：:";

    public void Process(Document document)
    {
        var text = document.Text;
        var named = new MentionSpans(document.Mentions);
        foreach (var sentence in document.Sentences)
        {
            if (!_financingWords.Any(w => text.IndexOf(w, sentence.Range.Start, sentence.Range.Length, StringComparison.Ordinal) >= 0)) continue;
            var tokens = document.TokensOf(sentence).ToList();
            for (var t = 0; t < tokens.Count; t++)
            {
                if (t > 0 && !(tokens[t - 1].Text.Length == 1 && ClauseOpeners.Contains(tokens[t - 1].Text[0]))) continue;
                if (NameOpening(text, tokens, t, sentence.Range.End) is not { } name || named.Overlapping(name).Any(m => m.Source == MentionSource.Lexicon)) continue;
                var mention = new Mention(name, text[name.Start..name.End], "Organization", MentionSource.Pattern, FinancedConfidence) { Sentence = sentence.Index };
                document.Mentions.Add(mention);
                named.Add(mention);
            }
        }
    }

    /// <summary>The name-like words from <paramref name="first"/> that a financed-subject verb follows.</summary>
    private TextRange? NameOpening(string text, List<Token> tokens, int first, int sentenceEnd)
    {
        var start = tokens[first].Range.Start;
        var proper = false;
        var placesOnly = true;
        for (var t = first; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Range.End - start > MaxNameLength || !IsHan(text[token.Range.Start]) || t > first && token.Range.Start != tokens[t - 1].Range.End) return null;
            if (!IsNameWord(token)) return null;
            var single = token.Text.Length == 1;
            proper |= !token.InDictionary || token.Tag is "nz" or "nt" or "nrt" or "nr" or "j" or "x" or "ns" || dictionary.IsRareWord(token.Text)
                      || single && t > first && tokens[t - 1].Text.Length == 1;
            placesOnly &= token.Tag == "ns";
            var end = token.Range.End;
            if (!VerbFollows(text, end, sentenceEnd)) continue;
            // Common nouns the segmenter put together for want of the name (星 海图) are the name, if no word as a whole.
            var coined = t > first && dictionary.DictionaryTag(text[start..end]) is null;
            return (proper || coined) && !placesOnly && end - start >= MinNameLength && !data.IsGeneric(text[start..end]) ? new TextRange(start, end) : null;
        }
        return null;
    }

    private bool VerbFollows(string text, int position, int limit)
    {
        while (RecognitionData.MatchStartingAt(_adverbs, text, position, limit) is { } adverb) position += adverb.Length;
        return RecognitionData.MatchStartingAt(_verbs, text, position, limit) is not null;
    }

    /// <summary>
    /// Nouns, words the segmenter guessed and single characters it could not join (霁 of 霁星图); a generic word, a
    /// verb, a particle, a number or a pronoun is no part of a name.
    /// </summary>
    private bool IsNameWord(Token token) =>
        !data.IsGeneric(token.Text) && !data.Titles.Contains(token.Text)
        && !(token.Text.Length == 1 && PersonNameRecogniser.StopCharacters.Contains(token.Text[0]))
        && (!token.InDictionary || token.Tag is "n" or "nz" or "nr" or "nrt" or "nrfg" or "ns" or "nt" or "j" or "x" or "ng" or "b" or "l" or "i" or "a"
            || token.Text.Length == 1 && token.Tag is not ("p" or "c" or "u" or "uj" or "ul" or "r" or "d" or "m" or "q" or "f" or "t" or "w"));

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
