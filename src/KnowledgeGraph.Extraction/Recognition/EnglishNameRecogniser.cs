using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Names written in Latin letters inside Chinese text (Inflection AI, Character.AI, a16z, GPT-4o, Sam Altman):
/// runs of capitalised or mixed words, split at titles, typed by the words around them and by their shape.
/// </summary>
public sealed class EnglishNameRecogniser(RecognitionData data) : IPipelineStage
{
    private static readonly HashSet<string> OrganizationWords =
        ["AI", "Labs", "Lab", "Inc", "Inc.", "Capital", "Ventures", "Partners", "Technologies", "Technology", "Systems", "Robotics", "Intelligence", "Research", "Group", "Studio", "Studios", "Networks", "Semiconductor", "Foundation", "Institute", "University", "College", "Fund", "Bank", "Corp", "Corporation", "Holdings", "Cloud", "Computing", "Microsystems", "Dynamics", "Machines", "Software", "Health", "Bio", "Therapeutics", "Motors", "Energy"];

    private static readonly HashSet<string> Connectors = ["of", "and", "&", "de", "for"];

    public void Process(Document document)
    {
        foreach (var sentence in document.Sentences)
        {
            var tokens = document.TokensOf(sentence).Where(t => t.Tag is "eng" or "m").ToList();
            var run = new List<Token>();
            foreach (var token in tokens)
            {
                if (run.Count > 0 && !Adjacent(document.Text, run[^1], token))
                {
                    Emit(document, sentence, run);
                    run.Clear();
                }
                run.Add(token);
            }
            Emit(document, sentence, run);
        }
    }

    /// <summary>Two Latin words belong to one name when only a single space separates them.</summary>
    private static bool Adjacent(string text, Token left, Token right) =>
        right.Range.Start == left.Range.End + 1 && text[left.Range.End] == ' ';

    private void Emit(Document document, Sentence sentence, List<Token> run)
    {
        var part = new List<Token>();
        foreach (var token in run)
        {
            if (data.Titles.Contains(token.Text))
            {
                EmitName(document, sentence, part, titleBefore: false, titleAfter: true);
                part = [];
                continue;
            }
            part.Add(token);
        }
        var titleBefore = run.Count > part.Count && part.Count > 0;
        EmitName(document, sentence, part, titleBefore, titleAfter: false);
    }

    private void EmitName(Document document, Sentence sentence, List<Token> words, bool titleBefore, bool titleAfter)
    {
        while (words.Count > 0 && !IsNameWord(words[0].Text)) words.RemoveAt(0);
        while (words.Count > 0 && (Connectors.Contains(words[^1].Text) || words[^1].Tag == "m" && words.Count == 1)) words.RemoveAt(words.Count - 1);
        if (words.Count == 0) return;
        if (words.All(w => data.EnglishStopwords.Contains(w.Text) || w.Tag == "m") || !words.Any(w => w.Text.Any(char.IsLetter))) return;
        if (!words.All(w => IsNameWord(w.Text) || Connectors.Contains(w.Text) || w.Tag == "m")) return;

        var start = words[0].Range.Start;
        var end = words[^1].Range.End;
        if (IsPartOfAddress(document.Text, start, end)) return;
        var surface = document.Slice(start, end);
        titleBefore |= RecognitionData.MatchEndingAt(data.PersonIntroducers, document.Text, start) is not null || IsBracketedAfterName(document, start, end);
        var type = TypeOf(document.Text, start, end, words, titleBefore);
        if (type is null) return;
        var confidence = titleBefore || data.TypeFromContext(document.Text, start, end) is not null ? 0.8 : 0.5;
        document.Mentions.Add(new Mention(new TextRange(start, end), surface, type, MentionSource.Pattern, confidence) { Sentence = sentence.Index });
    }

    private string? TypeOf(string text, int start, int end, List<Token> words, bool titleBefore)
    {
        if (titleBefore && LooksLikePersonName(words)) return "Person";
        if (data.TypeFromContext(text, start, end) is { } cued)
            return cued == "Person" && !LooksLikePersonName(words) ? null : cued;
        if (words.Any(w => OrganizationWords.Contains(w.Text))) return "Organization";
        if (LooksLikeModelName(words)) return "Product";
        if (words.Count == 1 && words[0].Text.Length < 3) return null;
        return LooksLikePersonName(words) ? null : "Organization";
    }

    /// <summary>A name in brackets right after a Chinese name spells it (奥列格·维尔哈文斯基（Oleg Verhavensky）).</summary>
    private static bool IsBracketedAfterName(Document document, int start, int end) =>
        start >= 2 && document.Text[start - 1] is '（' or '(' && end < document.Text.Length && document.Text[end] is '）' or ')'
        && document.Mentions.Any(m => m.Range.End == start - 1 && m.Type == "Person");

    /// <summary>Words of a web address or file name (example.com/a/99314.shtml) are not names.</summary>
    private static bool IsPartOfAddress(string text, int start, int end)
    {
        if (start > 0 && text[start - 1] is '/' or '.' or '@' or ':' || end < text.Length && text[end] is '/' or '@') return true;
        var word = text[start..end];
        return word.Contains(".com", StringComparison.OrdinalIgnoreCase) || word.Contains("html", StringComparison.OrdinalIgnoreCase)
               || word.StartsWith("www", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Name words start with a capital or a digit, or mix cases as brands do (xAI, a16z, iPhone).</summary>
    private static bool IsNameWord(string word) =>
        word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0]) || word.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c)));

    private static bool LooksLikePersonName(List<Token> words) =>
        words.Count is 2 or 3 && words.All(w => w.Text.Length > 1 && char.IsUpper(w.Text[0]) && w.Text.Skip(1).All(c => char.IsLower(c) || c is '-' or '\''))
        && !words.Any(w => OrganizationWords.Contains(w.Text));

    private static bool LooksLikeModelName(List<Token> words) =>
        words.Any(w => w.Text.Any(char.IsDigit) && w.Text.Any(char.IsLetter)) || words.Count == 2 && words[1].Tag == "m";
}
