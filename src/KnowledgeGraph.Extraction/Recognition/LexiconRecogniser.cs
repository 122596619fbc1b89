using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Finds every lexicon name in the text. Latin names must stand as whole words; short Latin names (Pi, xAI)
/// must match their case exactly; short Chinese names must be a whole segmenter word that is not a verb.
/// </summary>
public sealed class LexiconRecogniser : IPipelineStage
{
    public const double Confidence = 0.95;

    private readonly NameTrie<LexiconEntry> _trie = new();
    private readonly RecognitionData _data;

    public LexiconRecogniser(Lexicon lexicon, RecognitionData data)
    {
        _data = data;
        foreach (var entry in lexicon.Entries)
        foreach (var name in entry.AllNames.Distinct(StringComparer.Ordinal))
            _trie.Add(name, entry);
    }

    public void Process(Document document)
    {
        var found = new List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)>();
        foreach (var sentence in document.Sentences)
        {
            var tokenBoundaries = TokenBoundaries(document, sentence);
            var range = sentence.Range;
            for (var i = range.Start; i < range.End; i++)
            {
                foreach (var (length, surface, entry) in _trie.MatchesAt(document.Text, i, range.End))
                {
                    var span = new TextRange(i, i + length);
                    if (!Acceptable(document.Text, span, surface, tokenBoundaries)) continue;
                    found.Add((span, entry, sentence));
                    break;
                }
            }
        }
        var retyped = RetypedInThisArticle(document.Text, found);
        foreach (var (span, entry, sentence) in found)
        {
            var surface = document.Slice(span.Start, span.End);
            document.Mentions.Add(retyped.TryGetValue(entry.Id, out var type)
                ? new Mention(span, surface, type, MentionSource.Pattern, 0.8) { Sentence = sentence.Index }
                : new Mention(span, surface, entry.Type, MentionSource.Lexicon, Confidence) { LexiconId = entry.Id, Sentence = sentence.Index });
        }
    }

    /// <summary>
    /// Known names that the words around one of their mentions give the other type (Facebook联合创始人 is the
    /// company, AI助手Meta AI the assistant). An article means one thing by a name, so every mention follows.
    /// </summary>
    private Dictionary<string, string> RetypedInThisArticle(string text, List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)> found)
    {
        var retyped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (span, entry, _) in found)
        {
            if (entry.Type is not ("Product" or "Organization")) continue;
            var cued = RecognitionData.TypeFromCues(_data.LexiconTypeCues, text, span.Start, span.End);
            if (cued is not null && cued != entry.Type) retyped.TryAdd(entry.Id, cued);
        }
        return retyped;
    }

    /// <summary>The segmenter's words of the sentence by their start.</summary>
    private static Dictionary<int, Token> TokenBoundaries(Document document, Sentence sentence) =>
        document.TokensOf(sentence).ToDictionary(t => t.Range.Start);

    /// <summary>A Latin name ends where a word ends: Baichuan is no name inside Baichuan-7B.</summary>
    private static bool EndsAWord(Dictionary<int, Token> tokens, TextRange span) =>
        tokens.Values.Any(t => t.Range.End == span.End) && tokens.ContainsKey(span.Start);

    /// <summary>A short name that the dictionary knows as a verb (联想 "to associate") is that verb here.</summary>
    private static bool IsVerb(string tag) => tag is "v" or "vn" or "vd";

    private static bool Acceptable(string text, TextRange span, string surface, Dictionary<int, Token> tokenBoundaries)
    {
        var matched = text.AsSpan(span.Start, span.Length);
        var first = matched[0];
        var last = matched[^1];
        if (IsLatin(first) && span.Start > 0 && IsLatin(text[span.Start - 1])) return false;
        if (IsLatin(last) && span.End < text.Length && IsLatin(text[span.End])) return false;
        if (IsLatin(first) && surface.Count(char.IsLetter) <= 3 && !matched.SequenceEqual(surface)) return false;
        if ((IsLatin(first) || IsLatin(last)) && !EndsAWord(tokenBoundaries, span)) return false;
        if (!IsLatin(first) && !IsLatin(last) && span.Length <= 2)
            return tokenBoundaries.TryGetValue(span.Start, out var token) && token.Range.End == span.End && !IsVerb(token.Tag);
        return true;
    }

    private static bool IsLatin(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
