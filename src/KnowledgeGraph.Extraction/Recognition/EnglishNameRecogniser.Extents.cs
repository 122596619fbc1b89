using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

// Where a name reaches beyond its Latin words: a known product's Chinese name before them, plus signs, a series name
// before a model code, a division's Chinese suffix.
public sealed partial class EnglishNameRecogniser
{
    /// <summary>
    /// A known product's Chinese name written right before the Latin words (盘古Pro MoE, 盘古Embedded 7B, 乾崑ADS 3.0):
    /// the words name one of its versions or editions, and the whole is that product's name. Not a Latin name the
    /// lexicon knows or a version of one (通义千问Qwen2.5 spells the product again), a name that a known name ending in
    /// a product's noun announces (百灵大模型Ling-Plus), a lone letter of a series (天神之眼C) or a word that only says what the product is (夸克AI, 文心一言App, 昇腾GPU).
    /// </summary>
    private Mention? KnownProductBefore(Document document, MentionSpans spans, List<Token> words)
    {
        var (start, end) = (words[0].Range.Start, words[^1].Range.End);
        if (words.Count == 1 && (words[0].Text.Length == 1 || NotEditionWords.Contains(words[0].Text)) || words.Any(w => CategoryWords.Contains(w.Text))) return null;
        if (_knownLatinNames.Contains(words[0].Text) || IsVersionOfKnownName(words[0].Text)) return null;
        if (spans.Overlapping(new TextRange(start, end)).Count > 0) return null;
        foreach (var known in spans.EndingAt(start))
        {
            if (known is { Source: MentionSource.Lexicon, Type: "Product" } && IsHan(document.Text[start - 1]) && !EndsWithProductCue(known.Text)) return known;
        }
        return null;
    }

    /// <summary>A known name ending in a product's noun (百灵大模型) announces the Latin name after it (Ling-Plus) instead.</summary>
    private bool EndsWithProductCue(string name) => RecognitionData.MatchEndingAt(data.ProductCues, name, name.Length) is not null;

    private static readonly HashSet<string> NotEditionWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "not-edition-words");

    /// <summary>
    /// Plus signs written right after a name are part of it (Command R+, LG U+, Face++), unless a Latin word or a
    /// digit follows them and the sign joins two names.
    /// </summary>
    private static int PlusSignsEnd(string text, int end)
    {
        var after = end;
        while (after < text.Length && text[after] == '+') after++;
        return after == end || after < text.Length && char.IsAsciiLetterOrDigit(text[after]) ? end : after;
    }

    /// <summary>
    /// A short code of letters and digits (A2, G1, SU7, C1200) that a product series is numbered by; a longer code is
    /// in capitals (NX9031), unlike a course's or a paper's number (CS231n).
    /// </summary>
    private static bool IsModelCode(string word) =>
        word.Length is >= 2 and <= 6 && char.IsAsciiLetterUpper(word[0]) && word.Any(char.IsAsciiDigit) && word.All(char.IsAsciiLetterOrDigit)
        && (word.Length <= 4 || !word.Any(char.IsAsciiLetterLower));

    /// <summary>
    /// The Chinese series name written right before a model code (远征A2, 精灵G1, 问界M9) is part of the product's
    /// name: a two-character noun or unknown word that is no category (机器人, 芯片), role or generic word, and
    /// no name already found (小米 in 小米SU7 is the maker).
    /// </summary>
    private int? SeriesNameBefore(MentionSpans spans, List<Token> sentenceTokens, int start)
    {
        var before = sentenceTokens.LastOrDefault(t => t.Range.End == start);
        if (before is null || before.Text.Length != 2 || !before.Text.All(IsHan)) return null;
        if (before.InDictionary && before.Tag is not ("n" or "nz" or "nr" or "ns" or "j" or "x")) return null;
        if (data.IsGeneric(before.Text) || data.ProductCues.Contains(before.Text) || data.Titles.Contains(before.Text)) return null;
        return spans.Overlapping(before.Range).Count == 0 ? before.Range.Start : null;
    }

    /// <summary>A division named in English and Chinese together (AI Infra部, Seed事业部), not 部署 or 部门.</summary>
    private static int? DivisionSuffixEnd(string text, int end)
    {
        foreach (var suffix in DivisionSuffixes)
        {
            var after = end + suffix.Length;
            if (string.CompareOrdinal(text, end, suffix, 0, suffix.Length) == 0 && (after >= text.Length || !WordsStartingWithBu.Contains(text[after])))
                return after;
        }
        return null;
    }

    private static readonly string[] DivisionSuffixes = LanguageData.EmbeddedWords.List("recognition/organization-words.tsv", "division-suffixes");

    /// <summary>Characters that make 部 the start of another word: 部分, 部署, 部长, 部门, 部件.</summary>
    private static readonly string WordsStartingWithBu = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "after-bu");
}
