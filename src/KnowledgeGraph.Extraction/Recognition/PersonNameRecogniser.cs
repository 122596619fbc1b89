using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Segmentation;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// People the lexicon does not know: names joined by a middle dot (奥列格·维尔哈文斯基), and Chinese or
/// transliterated names right after a title or role (CEO纳德拉, 首席技术官郑沐阳) or right before what people do
/// (郑沐阳创办了…, 张三表示…), before a post taken (韩旭任董事长兼CEO), in a list of founders (由韩旭和李岩于2017年创立)
/// and listed with a person already known (彭军和楼天城). A Chinese name is a surname and one or two more characters
/// that end where a word ends. Each way of finding a name has its own part: dotted names (PersonNameRecogniser.Dotted),
/// names by the words around them (.Cues), the shape of a Chinese name (.ChineseNames), founders (.Founders), names in
/// a clause's slots (.Slots), names bounded by their spelling (.Spelled).
/// </summary>
public sealed partial class PersonNameRecogniser(RecognitionData data, JiebaTokenizer dictionary) : IPipelineStage
{
    /// <summary>Characters that end a name part: particles, prepositions and the verbs that follow names.</summary>
    internal static readonly HashSet<char> StopCharacters = [.. LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "person-name-stops")];

    /// <summary>
    /// The verbs of what people do, by first character: they are looked for at every token and at every character
    /// that may end a name part, and only those starting with that character can stand there.
    /// </summary>
    private readonly Dictionary<char, string[]> _personVerbsByFirstCharacter = data.ContextCues
        .Where(c => c.Position == CuePosition.After && c.Type == "Person").Select(c => c.Word)
        .GroupBy(word => word[0]).ToDictionary(group => group.Key, group => group.ToArray());

    public void Process(Document document)
    {
        var known = document.Mentions.ToLookup(m => m.Sentence);
        foreach (var sentence in document.Sentences)
        {
            var named = known[sentence.Index].ToList();
            var boundaries = TokenBoundaries(document, sentence);
            FindDottedNames(document, sentence, named);
            FindNamesAfterIntroducers(document, sentence, boundaries, named);
            FindNamesBeforeVerbs(document, sentence, boundaries);
            FindNamesBeforePosts(document, sentence, boundaries, named);
            FindFounderLists(document, sentence, boundaries, named);
            FindCofounders(document, sentence, boundaries, named);
            foreach (var person in named.Where(m => m.Type == "Person")) AddCoordinatedNames(document, sentence, person.Range.End, boundaries, named);
            FindNamesInNameSlots(document, sentence, named);
        }
    }

    /// <summary>A name found inside one the lexicon or another recogniser knows already is part of that one.</summary>
    private static bool IsInsideMention(List<Mention> named, TextRange range) =>
        named.Any(m => m.Range.Start < range.End && range.Start < m.Range.End && m.Range != range);

    /// <summary>True when a verb of what people do starts at <paramref name="position"/> (not 负责人 when so asked).</summary>
    private bool PersonVerbAt(string text, int position, bool exceptNounWithPerson)
    {
        if (position >= text.Length || !_personVerbsByFirstCharacter.TryGetValue(text[position], out var verbs)) return false;
        foreach (var verb in verbs)
        {
            if (string.CompareOrdinal(text, position, verb, 0, verb.Length) == 0
                && !(exceptNounWithPerson && IsNounWithPerson(text, position + verb.Length))) return true;
        }
        return false;
    }

    /// <summary>Where the sentence's tokens start and end: a name found by characters must begin and end there.</summary>
    private static HashSet<int> TokenBoundaries(Document document, Sentence sentence)
    {
        var boundaries = new HashSet<int>(sentence.TokenCount * 2);
        for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
        {
            boundaries.Add(document.Tokens[t].Range.Start);
            boundaries.Add(document.Tokens[t].Range.End);
        }
        return boundaries;
    }

    private static int SkipBrackets(string text, int position, int end)
    {
        if (position >= end || text[position] is not ('（' or '(')) return position;
        var close = text.IndexOfAny(['）', ')'], position, end - position);
        return close < 0 ? position : close + 1;
    }

    /// <summary>
    /// More names joined to a found one: 周昕宇和吴育昕, 张三、李四. In a list of founders, which ends at
    /// <paramref name="founderListEnd"/>, a name the segmenter cut otherwise is read as a founder's (see <see cref="FounderNameStartingAt"/>).
    /// </summary>
    private void AddCoordinatedNames(Document document, Sentence sentence, int end, HashSet<int> boundaries, List<Mention> named, int founderListEnd = -1)
    {
        var text = document.Text;
        end = SkipBrackets(text, end, sentence.Range.End);
        while (end + 1 < sentence.Range.End && text[end] is '和' or '与' or '及' or '、')
        {
            if ((UndescribedNameBoundedBySpelling(text, end + 1, sentence.Range.End)
                 ?? (end + 1 < founderListEnd ? FounderNameStartingAt(text, end + 1, founderListEnd, boundaries) : null)
                 ?? ChineseNameStartingAt(text, end + 1, sentence.Range.End, boundaries)) is not { } name
                || IsInsideMention(named, name)) return;
            Add(document, sentence, name.Start, name.End, 0.7);
            end = SkipBrackets(text, name.End, sentence.Range.End);
        }
    }

    private void Add(Document document, Sentence sentence, int start, int end, double confidence)
    {
        var surface = document.Slice(start, end);
        if (data.IsGeneric(surface)) return;
        document.Mentions.Add(new Mention(new TextRange(start, end), surface, "Person", MentionSource.Pattern, confidence) { Sentence = sentence.Index });
    }
}
