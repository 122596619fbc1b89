using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

// Names told by what stands around them: after a title or role, before what people do, before a post taken.
public sealed partial class PersonNameRecogniser
{
    /// <summary>Words that may stand between a name and what the person does: 郑沐阳将正式加入….</summary>
    private static readonly HashSet<string> Adverbs = LanguageData.EmbeddedWords.Set("recognition/function-words.tsv", "person-adverbs");

    /// <summary>
    /// A name right before a post verb and a title (韩旭任董事长兼CEO, 李岩任CTO): 任 alone is too common a character
    /// to be a cue of its own, the title after it makes it one.
    /// </summary>
    private void FindNamesBeforePosts(Document document, Sentence sentence, HashSet<int> boundaries, List<Mention> named)
    {
        var text = document.Text;
        foreach (var verb in data.PostVerbs)
        {
            for (var at = text.IndexOf(verb, sentence.Range.Start, sentence.Range.Length, StringComparison.Ordinal);
                 at >= 0;
                 at = at + 1 < sentence.Range.End ? text.IndexOf(verb, at + 1, sentence.Range.End - at - 1, StringComparison.Ordinal) : -1)
            {
                var afterVerb = at + verb.Length;
                if (RecognitionData.MatchStartingAt(data.Titles, text, verb.Length >= 2 ? TitleStartAfter(text, afterVerb, named) : afterVerb, sentence.Range.End) is null) continue;
                // 任 of 现任 belongs to the longer verb, which the name stands before.
                if (RecognitionData.MatchEndingAt(data.PostVerbs, text, afterVerb) is { } longest && longest.Length > verb.Length) continue;
                if (ChineseNameEndingAt(text, at, sentence.Range.Start, boundaries) is { } name && !named.Any(m => m.Range.Start < name.End && name.Start < m.Range.End))
                    Add(document, sentence, name.Start, name.End, 0.7);
            }
        }
    }

    /// <summary>
    /// Where the title after a post verb starts: right after the verb, or after an organization already named there and
    /// its 的 (孙佳怡现任面壁智能首席技术官, 李岩担任百度的首席科学家); only after a verb of two characters, since 任 alone
    /// ends other words (吴凯卸任旷视科技CEO).
    /// </summary>
    private static int TitleStartAfter(string text, int afterVerb, List<Mention> named)
    {
        var organization = named.FirstOrDefault(m => m.Type == "Organization" && m.Range.Start == afterVerb);
        if (organization is null) return afterVerb;
        var end = organization.Range.End;
        return end < text.Length && text[end] == '的' ? end + 1 : end;
    }

    private void FindNamesAfterIntroducers(Document document, Sentence sentence, HashSet<int> boundaries, List<Mention> named)
    {
        var text = document.Text;
        // Hundreds of titles and cues, and a sentence holds the letters of few: those it lacks are not searched for.
        var letters = CharacterSketch.Of(text.AsSpan(sentence.Range.Start, sentence.Range.Length));
        foreach (var introducer in data.PersonIntroducers)
        {
            if (!letters.MayContain(introducer)) continue;
            for (var at = text.IndexOf(introducer, sentence.Range.Start, sentence.Range.Length, StringComparison.Ordinal);
                 at >= 0;
                 at = at + 1 < sentence.Range.End ? text.IndexOf(introducer, at + 1, sentence.Range.End - at - 1, StringComparison.Ordinal) : -1)
            {
                var position = SkipListWords(text, at + introducer.Length, sentence.Range.End);
                if (position >= sentence.Range.End || !IsHan(text[position])) continue;
                if (NameBoundedBySpelling(text, position, sentence.Range.End) is { } spelled)
                {
                    Add(document, sentence, spelled.Start, spelled.End, 0.8);
                    continue;
                }
                var end = TransliterationRunEnd(text, position, sentence.Range.End);
                if (end - position is >= 2 and <= 5 && (boundaries.Contains(end) || end == sentence.Range.End))
                {
                    Add(document, sentence, position, end, 0.8);
                    continue;
                }
                if ((ChineseNameStartingAt(text, position, sentence.Range.End, boundaries, afterTitle: true)
                     ?? UncommonNameAfterTitle(text, position, sentence.Range.End)) is not { } name || IsInsideMention(named, name)) continue;
                Add(document, sentence, name.Start, name.End, 0.75);
                AddCoordinatedNames(document, sentence, name.End, boundaries, named);
            }
        }
    }

    private void FindNamesBeforeVerbs(Document document, Sentence sentence, HashSet<int> boundaries)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var first = sentence.FirstToken;
        for (var t = first; t < first + sentence.TokenCount; t++)
        {
            if (!PersonVerbAt(text, tokens[t].Range.Start, exceptNounWithPerson: true)) continue;
            var before = t;
            while (before > first && Adverbs.Contains(tokens[before - 1].Text)) before--;
            var nameEnd = tokens[before].Range.Start;
            // A manner written before a one-character verb (笑称, 坦称: cues of their own) is part of the verb, not the
            // name's last character.
            if (before == t && tokens[t].Text.Length == 1 && nameEnd - 1 > sentence.Range.Start && PersonVerbAt(text, nameEnd - 1, exceptNounWithPerson: false))
                nameEnd--;
            // Checked last: a cue ending a longer title is rare, and reading every title at every verb is not cheap.
            if (ChineseNameEndingAt(text, nameEnd, sentence.Range.Start, boundaries) is { } name && !EndsLongerTitle(text, tokens[t].Range.Start))
                Add(document, sentence, name.Start, name.End, 0.7);
        }
    }

    /// <summary>
    /// A cue that is the end of a longer title (教授 of 荣休教授, 客座教授) has the title's opening before it, not a name:
    /// 斯坦福大学荣休教授约阿夫·肖汉姆 names no 荣休.
    /// </summary>
    private bool EndsLongerTitle(string text, int cueStart)
    {
        for (var end = cueStart + 1; end <= Math.Min(text.Length, cueStart + MaxCueLength); end++)
        {
            if (RecognitionData.MatchEndingAt(data.Titles, text, end) is { } title && end - title.Length < cueStart) return true;
        }
        return false;
    }

    private const int MaxCueLength = 4;

    /// <summary>负责人, 创办人, 领导人: the verb with 人 names a person of what comes before, who is not a name.</summary>
    private static bool IsNounWithPerson(string text, int afterVerb) => afterVerb < text.Length && text[afterVerb] == '人';

    private static int SkipListWords(string text, int position, int end)
    {
        foreach (var word in ListLeadIns)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) == 0 && position + word.Length <= end) return position + word.Length;
        }
        return position;
    }

    /// <summary>Words that open the list of people after a noun for them (还包括, 分别是, ：), tried in this order.</summary>
    private static readonly string[] ListLeadIns = LanguageData.EmbeddedWords.List("recognition/function-words.tsv", "list-lead-ins");

    private int TransliterationRunEnd(string text, int start, int limit)
    {
        var end = start;
        while (end < limit && end - start < 6 && (data.TransliterationCharacters.Contains(text[end]) || text[end] == '·')) end++;
        return end;
    }
}
