using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

// Chinese names by their shape: a surname and one to three characters more that end where a word ends.
public sealed partial class PersonNameRecogniser
{
    /// <summary>A surname and one or two characters more, ending where the segmenter ends a word, that is not itself a common word.</summary>
    private TextRange? ChineseNameStartingAt(string text, int start, int limit, HashSet<int> boundaries, bool afterTitle = false)
    {
        foreach (var length in HasCompoundSurname(text, start, limit) ? CompoundSurnameLengths : SingleSurnameLengths)
        {
            var end = start + length;
            if (end > limit || !Enumerable.Range(start, length).All(i => IsHan(text[i]))) continue;
            // The first part of a transliterated name (史蒂夫 of 史蒂夫·霍夫曼) is no name of its own.
            if (end < limit && text[end] == '·') continue;
            if (IsReduplicatedVerb(text, end, limit)) continue;
            // Nor is the first character of a verb of what people do that runs past it (景鲲笑称: 笑称).
            if (length == 3 && end < limit && PersonVerbAt(text, end - 1, exceptNounWithPerson: false)) continue;
            // After a title a two-character name may have its last character glued to what follows as well (荣耀CEO赵明称).
            var ended = boundaries.Contains(end) || end == limit || (length == 3 || afterTitle && length == 2) && ParticleFollows(text, end, limit)
                        || IsReduplicatedVerb(text, end + 1, limit);
            if (IsPlausibleName(text[start..end], afterTitle) && ended) return new TextRange(start, end);
        }
        return null;
    }

    /// <summary>
    /// A surname and two characters right after a title, closed by a particle, a mark or what people do
    /// (总经理熊友军此前是…, 创始人赵同阳曾在…): a person's name even when its given part is a word of its own (友军) or
    /// the segmenter joins it otherwise, since a title is followed by its holder. No character of it ends names: not
    /// the given part's (创始人曾表示 is no one), nor a surname that is a preposition too (CEO向记者表示).
    /// </summary>
    private TextRange? UncommonNameAfterTitle(string text, int start, int limit)
    {
        const int length = 3;
        var end = start + length;
        if (end >= limit || !Enumerable.Range(start, length).All(i => IsHan(text[i]))) return null;
        var candidate = text.Substring(start, length);
        if (!data.Surnames.Contains(candidate[..1]) || data.Surnames.Contains(candidate[..2])
            || candidate.Where((c, i) => !(i == 1 && IsInnerGivenNameCharacter(c))).Any(StopCharacters.Contains)
            // A given part opened by such a character is no word of its own (王同时表示, 刘同样认为).
            || IsInnerGivenNameCharacter(candidate[1]) && StopCharacters.Contains(candidate[1]) && !IsNameTag(dictionary.DictionaryTag(candidate[1..]))
            || data.IsGeneric(candidate) || data.Titles.Contains(candidate) || dictionary.DictionaryTag(candidate) is { } tag && !IsNameTag(tag)) return null;
        var closed = StopCharacters.Contains(text[end]) || text[end] is '，' or '。' or '、' or '：' or '（' || PersonVerbAt(text, end, exceptNounWithPerson: true);
        return closed ? new TextRange(start, end) : null;
    }

    private static readonly string GivenNameFinals = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "given-name-finals");

    private static readonly int[] SingleSurnameLengths = [3, 2, 4];

    /// <summary>Read backwards from what follows a name: four characters only after a two-character surname (司马睿阳).</summary>
    private static readonly int[] EndingNameLengths = [4, 3, 2];

    /// <summary>After a two-character surname (欧阳, 司马) the name most often has four characters: 欧阳明远, not 欧阳明.</summary>
    private static readonly int[] CompoundSurnameLengths = [4, 3];

    private bool HasCompoundSurname(string text, int start, int limit) =>
        start + 2 <= limit && data.Surnames.Contains(text.Substring(start, 2));

    private TextRange? ChineseNameEndingAt(string text, int end, int limit, HashSet<int> boundaries)
    {
        foreach (var length in EndingNameLengths)
        {
            var start = end - length;
            if (length == 4 && (start < limit || !HasCompoundSurname(text, start, end))) continue;
            if (start < limit || !Enumerable.Range(start, length).All(i => IsHan(text[i]))) continue;
            if (IsPlausibleName(text[start..end]) && boundaries.Contains(start)) return new TextRange(start, end);
        }
        return null;
    }

    /// <summary>
    /// A surname, then a given name that is no particle and no common word (王随之, 向记者 are not names), and the
    /// whole not a common word either. Nor may the surname and the next character make a common word of their own
    /// (方面 of 芯动方面只表示, 周三 of 周三证实, 南方 of 南方科技大学): a three-character name does not open with one.
    /// </summary>
    /// <remarks>
    /// Right after a title a given name may also be an adjective of the dictionary (CEO周宏伟): a title is followed
    /// by a name, not by a description. A full name the dictionary tags as a person's is one whatever its given name.
    /// A name closed by a mark (的范浩强，) may end in a character that elsewhere opens a verb after a name (强 of 强调,
    /// 成 of 成为) and often ends given names (recognition/function-characters.tsv): no verb goes on there.
    /// </remarks>
    private bool IsPlausibleName(string candidate, bool afterTitle = false, bool closedByMark = false)
    {
        if (!data.StartsWithSurname(candidate) || data.IsGeneric(candidate) || data.Titles.Contains(candidate)) return false;
        var tag = dictionary.DictionaryTag(candidate);
        // The dictionary knows some people by their full name (林海峰, 宋建平, 杨志强): their given names may be common
        // words or hold a character that elsewhere ends a name (强 of 强调).
        if (tag == "nr" && candidate.Length >= 3) return true;
        if (candidate.Skip(1).Where((c, i) => !(IsInnerGivenNameCharacter(c) && i + 2 < candidate.Length)
                                              && !(closedByMark && i + 2 == candidate.Length && GivenNameFinals.Contains(c))).Any(StopCharacters.Contains)) return false;
        if (!IsNameTag(tag)) return false;
        var surname = data.Surnames.Contains(candidate[..Math.Min(2, candidate.Length)]) && candidate.Length > 2 ? 2 : 1;
        if (surname == 1 && candidate.Length >= 3 && !IsNameTag(dictionary.DictionaryTag(candidate[..2]))) return false;
        var given = candidate[surname..];
        var givenTag = dictionary.DictionaryTag(given);
        return given.Length < 2 || IsNameTag(givenTag) || afterTitle && givenTag == "a";
    }

    /// <summary>
    /// 家, 之, 同 end words elsewhere (一家, 之前, 同时) but are common inside given names (唐家渝, 魏之远, 赵同阳): there they do
    /// not end the name (recognition/inner-given-name-characters.txt).
    /// </summary>
    private bool IsInnerGivenNameCharacter(char c) => data.InnerGivenNameCharacters.Contains(c);

    private static bool IsNameTag(string? tag) => tag is null or "nr" or "nrt" or "nrfg" or "nz" or "ns" or "x";

    /// <summary>
    /// The character before <paramref name="end"/> is a verb said twice around 了 (顾捷聊了聊, with end at 了): it ends no
    /// name, and a name may end right before it.
    /// </summary>
    private static bool IsReduplicatedVerb(string text, int end, int limit) =>
        end + 1 < limit && text[end] == '了' && text[end + 1] == text[end - 1];

    /// <summary>
    /// A particle or a verb's first character after a three-character name that follows a title, opens a list of
    /// founders or is listed with a person (联合创始人朱子航曾在…, 由刘国清于2013年创立, 何佩和林子墨都来自…): the segmenter
    /// may have joined the name's last character to it by a guess (航曾, 清于), yet the name ends there. A
    /// word of the dictionary there (组成 of 郑敏组成) is what follows a shorter name.
    /// </summary>
    private bool ParticleFollows(string text, int end, int limit) =>
        end < limit && StopCharacters.Contains(text[end]) && !StopCharacters.Contains(text[end - 1])
        && dictionary.DictionaryTag(text.Substring(end - 1, 2)) is null;
}
