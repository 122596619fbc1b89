using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

// What a token is to a clause's opening: a predicate, a verb that begins a noun, an adverbial phrase, a word to skip, part of a mention.
public sealed partial class ClauseTopics
{
    /// <summary>Verbs the tagger may read as something else (自研 as a noun): predicates however it reads them.</summary>
    private readonly HashSet<string> _verbs;

    /// <summary>Verbs of holding a post or working somewhere (任, 曾任, 任职, 工作): predicates however the tagger reads them (任 may be a surname to it).</summary>
    private readonly HashSet<string> _posts;

    private readonly HashSet<char> _gluedPrepositions;

    /// <remarks>A backer's word is a predicate however the tagger read it (参投 may be an unknown word to it).</remarks>
    private bool IsPredicate(Document document, Token token) =>
        (token.Tag.StartsWith('v') || token.Tag == "p" || _posts.Contains(token.Text) || _verbs.Contains(token.Text) || _adverbial.Contains(token.Text) || IsGluedPreposition(token) || StartsWithAny(document, token, _backing))
        && !IsNominal(document, token);

    /// <summary>A guessed word the segmenter glued onto a preposition (由前 in 「由前OpenAI研究员创立」) is the preposition.</summary>
    private bool IsGluedPreposition(Token token) => token.Tag == "x" && !token.InDictionary && token.Text.Length > 1 && _gluedPrepositions.Contains(token.Text[0]);

    /// <summary>A verb that begins a noun, such as 联合 in 联合创始人: the clause goes on to its subject.</summary>
    private bool IsNominal(Document document, Token token) => StartsWithAny(document, token, _nominal);

    /// <summary>A preposition opening a longer adverbial word, such as 与此同时, 截至.</summary>
    private bool IsAdverbialPhrase(Document document, Token token) => StartsWithAny(document, token, _adverbialPhrases);

    private static Dictionary<char, string[]> ByFirstCharacter(IEnumerable<string> words) =>
        words.Where(w => w.Length > 0).Distinct().GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>A word of the list, as long as the token or longer, begins where the token does (jieba may cut it in two).</summary>
    /// <remarks>A loop over an array: this is asked several times of every token, and a query would allocate each time.</remarks>
    private static bool StartsWithAny(Document document, Token token, Dictionary<char, string[]> words)
    {
        if (!words.TryGetValue(token.Text[0], out var candidates)) return false;
        foreach (var word in candidates)
        {
            if (word.Length >= token.Text.Length && string.CompareOrdinal(document.Text, token.Range.Start, word, 0, word.Length) == 0) return true;
        }
        return false;
    }

    private bool IsSkippable(Document document, Token token) =>
        token.Tag is "t" or "d" or "ad" or "c" or "m" or "q" or "f" or "w" || StartsWithAny(document, token, _skipped);

    private static Mention? MentionAt(IReadOnlyList<Mention> mentions, TextRange token, TextRange clause)
    {
        foreach (var mention in mentions)
        {
            if (mention.Range.Length > 0 && clause.Contains(mention.Range.Start) && mention.Range.Overlaps(token)) return mention;
        }
        return null;
    }
}
