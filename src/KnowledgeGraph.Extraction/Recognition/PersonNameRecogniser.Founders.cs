using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class PersonNameRecogniser
{
    /// <summary>
    /// What may follow a founder's name inside a founding clause: a list mark or joiner, a preposition of place or time,
    /// 等 of 等人, a count (三位), a bracket, or the first character of 共同, 联合, 一起, 携手, 合伙 and of the founding verbs.
    /// </summary>
    private static readonly string FounderNameFollowers = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "founder-name-followers");

    /// <summary>
    /// Particles and prepositions that no given name holds (王航于, 何骁和): narrower than <see cref="StopCharacters"/>,
    /// whose verbs' first characters (强 of 强调, 成 of 成为) do end given names (范浩强, 李义成).
    /// </summary>
    private static readonly string FounderNameBreakers = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "founder-name-breakers");

    /// <summary>Words after founders' names that open with a character names end in (联合, 共同, 一起, 合伙).</summary>
    private static readonly string[] FounderLinkWords = LanguageData.EmbeddedWords.List("recognition/function-words.tsv", "founder-links");

    /// <summary>Three characters are tried before two: 温书航 before 温书, but 陈航 of 陈航于 when 航于 is no name's end.</summary>
    private static readonly int[] FounderNameLengths = [3, 2];

    /// <summary>
    /// A founder's name in a clause that says a company was founded (由温书航、郝立新和赖文博于2016年创办, 与前同事白俊峰共同创办):
    /// there a surname and one or two characters before a list mark, a preposition or the founding verb are a name even
    /// when the segmenter cut them otherwise (航于) or the dictionary knows their first two characters as a word (温书).
    /// No particle may be among the characters, and the whole must not be a common word (高管) or a title.
    /// </summary>
    private TextRange? FounderNameStartingAt(string text, int start, int limit, HashSet<int> boundaries)
    {
        // A surname that makes a word with the character before it (来 of 由来杰: 由来) may belong to that word; one the
        // segmenter starts a word with is read as a name all the same.
        if (!boundaries.Contains(start) && start > 0 && dictionary.DictionaryTag(text.Substring(start - 1, 2)) is { } before && !IsNameTag(before)) return null;
        foreach (var length in HasCompoundSurname(text, start, limit) ? CompoundSurnameLengths : FounderNameLengths)
        {
            var end = start + length;
            if (end > limit || end < limit && !FounderNameFollowers.Contains(text[end])) continue;
            // 联 of 高阳联合创立 opens the word after a two-character name, not a third character of it.
            if (length == 3 && RecognitionData.MatchStartingAt(FounderLinkWords, text, end - 1, limit) is not null) continue;
            if (!Enumerable.Range(start, length).All(i => IsHan(text[i]))) continue;
            var candidate = text[start..end];
            if (!data.StartsWithSurname(candidate) || data.IsGeneric(candidate) || data.Titles.Contains(candidate)) continue;
            if (candidate.Skip(1).Any(FounderNameBreakers.Contains) || !IsNameTag(dictionary.DictionaryTag(candidate))) continue;
            // A verb after the surname's character is what a description says (曾任职于华为的…), not a given name.
            if (Enumerable.Range(start + 1, length - 1).Any(i => PersonVerbAt(text, i, exceptNounWithPerson: false)
                                                                 || RecognitionData.MatchStartingAt(data.PostVerbs, text, i, limit) is not null)) continue;
            return new TextRange(start, end);
        }
        return null;
    }

    /// <summary>
    /// A co-founder named after 与, 和, 同 or 跟 and before a founding verb of the same clause, with or without a word
    /// that describes them first (他与大学同学吴晓芸一起创办了…, 随后与前同事白俊峰在北京联合创办了…, 与旷视研究院前主任范浩强共同创办).
    /// Only sentences with 创 (every founding verb has it) are read.
    /// </summary>
    private void FindCofounders(Document document, Sentence sentence, HashSet<int> boundaries, List<Mention> named)
    {
        var text = document.Text;
        var end = sentence.Range.End;
        if (text.IndexOf('创', sentence.Range.Start, sentence.Range.Length) < 0) return;
        var added = new List<TextRange>();
        for (var at = sentence.Range.Start; at < end - 1; at++)
        {
            if (text[at] is not ('与' or '和' or '同' or '跟')) continue;
            if (FoundingVerbAfter(text, at + 1, end) is not { } verb) continue;
            foreach (var start in CofounderNameStarts(text, at + 1, verb))
            {
                if ((FounderNameStartingAt(text, start, verb, boundaries) ?? ChineseNameStartingAt(text, start, verb, boundaries)) is not { } name
                    || named.Any(m => m.Range.Overlaps(name))) continue;
                if (added.Any(r => r.Overlaps(name))) break;
                Add(document, sentence, name.Start, name.End, 0.7);
                added.Add(name);
                break;
            }
        }
    }

    private const int MaxCofounderSpan = 24;

    /// <summary>Where a founding verb starts in the same clause, not far after <paramref name="start"/>.</summary>
    private int? FoundingVerbAfter(string text, int start, int end)
    {
        var limit = Math.Min(end, start + MaxCofounderSpan);
        for (var position = start; position < limit; position++)
        {
            if (text[position] is '，' or ',' or '。' or '；' or ';' or '：') return null;
            if (text[position] == '创' && RecognitionData.MatchStartingAt(data.FoundingVerbs, text, position, end) is not null) return position;
        }
        return null;
    }

    /// <summary>Where a co-founder's name may start: right after the joiner, or after a word that describes them.</summary>
    private IEnumerable<int> CofounderNameStarts(string text, int start, int verb)
    {
        yield return start;
        for (var position = start + 1; position < verb; position++)
        {
            if (RecognitionData.MatchEndingAt(data.CofounderDescriptions, text, position) is not null) yield return position;
        }
    }

    /// <summary>
    /// The founders listed between 由 and a founding verb of the same clause (文远知行由韩旭和李岩于2017年在广州创立):
    /// the first item after 由 and the names coordinated with it.
    /// </summary>
    private void FindFounderLists(Document document, Sentence sentence, HashSet<int> boundaries, List<Mention> named)
    {
        var text = document.Text;
        for (var at = text.IndexOf('由', sentence.Range.Start, sentence.Range.Length); at >= 0 && at + 1 < sentence.Range.End;
             at = text.IndexOf('由', at + 1, sentence.Range.End - at - 1))
        {
            var clauseEnd = at + 1;
            while (clauseEnd < sentence.Range.End && text[clauseEnd] is not ('，' or ',' or '。' or '；' or ';' or '：')) clauseEnd++;
            var clauseStart = at + 1;
            if (!data.FoundingVerbs.Any(v => text.IndexOf(v, clauseStart, clauseEnd - clauseStart, StringComparison.Ordinal) >= 0)) continue;
            if ((UndescribedNameBoundedBySpelling(text, at + 1, clauseEnd) ?? FounderNameStartingAt(text, at + 1, clauseEnd, boundaries)
                 ?? ChineseNameStartingAt(text, at + 1, clauseEnd, boundaries)) is not { } name || IsInsideMention(named, name)) continue;
            if (!named.Any(m => m.Range == name)) Add(document, sentence, name.Start, name.End, 0.7);
            AddCoordinatedNames(document, sentence, name.End, boundaries, named, founderListEnd: clauseEnd);
        }
    }
}
