using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

// Names joined by a middle dot (奥列格·维尔哈文斯基): how far each part runs.
public sealed partial class PersonNameRecogniser
{
    private const int MaxNamePart = 6;

    /// <summary>
    /// Both sides of the dot run over characters that can be part of a name; a common word (顾问, 一起) or a
    /// particle ends them.
    /// </summary>
    private void FindDottedNames(Document document, Sentence sentence, List<Mention> named)
    {
        var text = document.Text;
        var commonWords = CommonWords(document, sentence);
        for (var dot = sentence.Range.Start + 1; dot < sentence.Range.End - 1; dot++)
        {
            if (text[dot] != '·' || !IsHan(text[dot - 1]) || !IsHan(text[dot + 1])) continue;
            var start = dot;
            while (start > sentence.Range.Start && dot - start < MaxNamePart && IsHan(text[start - 1]) && !StopCharacters.Contains(text[start - 1])
                   && !IsInCommonWord(commonWords, start - 1, dot)) start--;
            start = SkipTitleNameGap(text, AfterIntroducer(text, start, dot), dot);
            var end = dot + 1;
            while (end < sentence.Range.End && end - dot <= MaxNamePart * 2 && !IsInCommonWord(commonWords, end, dot)
                   && (IsHan(text[end]) && !EndsNamePart(text, end, sentence.Range.End) || IsInnerNameMark(text, end, sentence.Range.End))) end++;
            if (dot - start >= 1 && end - dot >= 2 && !NamesAnOrganization(text, end))
            {
                Add(document, sentence, start, end, 0.85);
                AddCoordinatedNames(document, sentence, SkipBrackets(text, end, sentence.Range.End), TokenBoundaries(document, sentence), named);
            }
            dot = end;
        }
    }

    /// <summary>
    /// A particle or a verb's first character ends a name part, unless it is a sound of transliterations that the
    /// name goes on after (坦 of 坦普尔顿, 加 of 西加斯) and no verb of what people do starts with it (坦言, 加入).
    /// </summary>
    private bool EndsNamePart(string text, int position, int limit)
    {
        if (!StopCharacters.Contains(text[position])) return false;
        var sound = data.TransliterationCharacters.Contains(text[position]);
        var continues = position + 1 < limit && sound && data.TransliterationCharacters.Contains(text[position + 1]);
        return !continues && !(sound && ClosesName(text, position, limit)) || PersonVerbAt(text, position, exceptNounWithPerson: false);
    }

    /// <summary>
    /// A sound of transliterations right before a bracket or a comma is the name's last syllable (贾因（Amit Jain）,
    /// 拉古纳坦，), unless it is a particle that follows names (于, 任, 让).
    /// </summary>
    private static bool ClosesName(string text, int position, int limit) =>
        !ParticlesAfterNames.Contains(text[position]) && (position + 1 >= limit || NameClosers.Contains(text[position + 1]));

    private static readonly string ParticlesAfterNames = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "particles-after-names");

    private const string NameClosers = "（(，,、。；";

    /// <summary>A dotted name followed by an organization's ending names the organization (迪特尔·施瓦茨基金会).</summary>
    private bool NamesAnOrganization(string text, int end) =>
        RecognitionData.MatchStartingAt(data.OrganizationSuffixes, text, end, text.Length) is { Length: >= 2 };

    /// <summary>A dot or a hyphen between two parts of a transliterated name (艾哈迈德·阿尔-达赫勒).</summary>
    private static bool IsInnerNameMark(string text, int position, int limit) =>
        text[position] is '·' or '-' && position + 1 < limit && IsHan(text[position + 1]) && IsHan(text[position - 1]);

    /// <summary>Dictionary words of two or more characters that no transliteration is made of.</summary>
    private List<TextRange> CommonWords(Document document, Sentence sentence) =>
        document.TokensOf(sentence)
            .Where(t => t.InDictionary && t.Range.Length >= 2 && t.Tag is not ("nr" or "nrt" or "nrfg" or "x" or "eng" or "w") && !data.IsTransliteration(t.Text))
            .Select(t => t.Range)
            .ToList();

    /// <summary>A common word stops a name part, unless it touches the dot: 大卫·栾 is a name although 大卫 is a word.</summary>
    private static bool IsInCommonWord(List<TextRange> commonWords, int position, int dot) =>
        commonWords.Any(w => w.Contains(position) && w.End != dot && w.Start != dot + 1);

    /// <summary>A title that ends inside the run before the dot is not part of the name (总经理福雷斯特 → 福雷斯特).</summary>
    private int AfterIntroducer(string text, int start, int dot)
    {
        for (var end = dot - 1; end > start; end--)
        {
            if (RecognitionData.MatchEndingAt(data.PersonIntroducers, text, end) is not null) return end;
        }
        return start;
    }
}
