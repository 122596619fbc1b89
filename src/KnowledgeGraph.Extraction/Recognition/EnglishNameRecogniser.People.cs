using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

// People's names in Latin letters: their shape, the lists and brackets that make a name a person's, and the Chinese
// form a bracketed spelling gives.
public sealed partial class EnglishNameRecogniser
{
    /// <summary>
    /// Two to four words, capitalised and in lower case after the capital or a hyphen (Al-Dahle, O'Brien), with
    /// particles between them (bin, von), none of them a common English word (The Information is no person).
    /// </summary>
    private bool LooksLikePersonName(List<Token> words) =>
        words.Count is >= 2 and <= 4 && IsPersonNameWord(words[0].Text) && IsPersonNameWord(words[^1].Text)
        && words.All(w => IsPersonNameWord(w.Text) || NameParticles.Contains(w.Text))
        && !words.Any(w => OrganizationWords.Contains(w.Text) || data.EnglishStopwords.Contains(w.Text));

    /// <summary>As above, with middle initials allowed between the first and the last word (Ray O. Johnson).</summary>
    private bool LooksLikePersonName(List<Token> words, string text) =>
        LooksLikePersonName(words.Where((w, i) => i == 0 || i == words.Count - 1 || !IsInitial(text, w)).ToList());

    private static bool IsPersonNameWord(string word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0])) return false;
        for (var i = 1; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLower(c) || c is '-' or '\'') continue;
            if (char.IsUpper(c) && word[i - 1] is '-' or '\'') continue;
            return false;
        }
        return true;
    }

    /// <summary>
    /// A person's name listed after another person's (纳文·拉奥（Naveen Rao）和Hanlin Tang), perhaps with a short
    /// description of its own before it (Jason Warner与连续创业者Eiso Kant, David Ha、Transformer论文作者之一Llion Jones).
    /// </summary>
    private static bool IsListedAfterPerson(Document document, MentionSpans spans, int start)
    {
        var text = document.Text;
        var position = start;
        for (var described = 0; described < MaxListItemDescription && position > 1 && IsDescriptionCharacter(text[position - 1])
             && text[position - 1] is not ('和' or '与' or '及' or '、'); described++) position--;
        if (position > 0 && text[position - 1] is '和' or '与' or '及' or '、') position--;
        else return false;
        if (position > 0 && text[position - 1] is '）' or ')')
        {
            var open = text.LastIndexOfAny(['（', '('], position - 1);
            if (open < 0) return false;
            position = open;
        }
        return spans.EndingAt(position).Any(m => m.Type == "Person");
    }

    private const int MaxListItemDescription = 20;

    /// <summary>
    /// A name between 由 and a founding verb of its clause (Deci由Yonatan Geifman、Jonathan Elial和…共同创立) is one of
    /// the founders listed there: a name shaped like a person's is a person's, first in the list or not, as the
    /// Chinese founders' lists are read (companies founding a company carry a company's word: Capital, AI, Labs).
    /// </summary>
    private bool IsListedFounder(string text, Sentence sentence, int start, int end)
    {
        var clauseStart = start;
        while (clauseStart > sentence.Range.Start && !ClauseMarks.Contains(text[clauseStart - 1])) clauseStart--;
        if (clauseStart == start || text.LastIndexOf('由', start - 1, start - clauseStart) < 0) return false;
        var clauseEnd = end;
        while (clauseEnd < sentence.Range.End && !ClauseMarks.Contains(text[clauseEnd])) clauseEnd++;
        foreach (var verb in data.FoundingVerbs)
        {
            if (text.IndexOf(verb, end, clauseEnd - end, StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// A name shaped like a person's that opens a paragraph before a colon labels it with a person: a profile's
    /// heading (Milan Kovac：Optimus的操盘手) or an interview's speaker (Jae Lee：我们有两个核心模型).
    /// </summary>
    private static bool IsParagraphLabel(string text, int start, int end) =>
        (start == 0 || text[start - 1] == '\n') && end < text.Length && text[end] is '：' or ':';

    /// <summary>Marks that end a clause; a bracket's spelling (菲亚松（JJ Fiasson）) stays inside it.</summary>
    private const string ClauseMarks = "，,。；;：:！？!?";

    private static bool IsDescriptionCharacter(char c) => IsHan(c) || char.IsAsciiLetterOrDigit(c) || c == ' ';

    /// <summary>A name in brackets right after a Chinese name spells it (奥列格·维尔哈文斯基（Oleg Verhavensky）).</summary>
    private static bool IsBracketedAfterName(Document document, MentionSpans spans, int start, int end) =>
        start >= 2 && document.Text[start - 1] is '（' or '(' && end < document.Text.Length && document.Text[end] is '）' or ')'
        && spans.EndingAt(start - 1).Any(m => m.Type == "Person");

    /// <summary>
    /// A person's Latin name in brackets after a Chinese one the person recogniser may not know (a Japanese or Korean
    /// name: 社长岛田明（Akira Shimada）, 由西川彻（Toru Nishikawa）和…): the Chinese run before the bracket is
    /// introduced by a title, opened by 由, or listed after a person (和, 与, 、: not after a brand, 星球大战（Star Wars）),
    /// and no organization or product is named in it.
    /// </summary>
    private bool IsBracketedAfterIntroducedName(Document document, MentionSpans spans, Sentence sentence, int start, int end)
    {
        var text = document.Text;
        if (start < 3 || text[start - 1] is not ('（' or '(') || end >= text.Length || text[end] is not ('）' or ')')) return false;
        return IntroducedChineseNameStart(document, spans, sentence, start - 1) is { } open
               && !spans.Overlapping(new TextRange(open, start - 1)).Any(m => m.Type != "Person");
    }

    /// <summary>Where the Chinese name before a bracket starts when a title, 由 or a person listed before introduces it.</summary>
    private int? IntroducedChineseNameStart(Document document, MentionSpans spans, Sentence sentence, int close) =>
        ChineseNameBefore(document.Text, sentence, close) is { } open
        && (RecognitionData.MatchEndingAt(data.PersonIntroducers, document.Text, open) is not null || document.Text[open - 1] == '由'
            || IsListedAfterPerson(document, spans, open))
            ? open
            : null;

    /// <summary>Where the two to five Han characters before <paramref name="close"/> start, back to a particle, a title or a mark.</summary>
    private int? ChineseNameBefore(string text, Sentence sentence, int close)
    {
        var open = close;
        while (open > sentence.Range.Start && close - open < MaxBracketedChineseName && IsHan(text[open - 1]) && !PersonNameRecogniser.StopCharacters.Contains(text[open - 1])
               && RecognitionData.MatchEndingAt(data.PersonIntroducers, text, open) is null) open--;
        if (close - open < 2 || open <= sentence.Range.Start || text[open - 1] == '·') return null;
        if (IsHan(text[open - 1]) && !PersonNameRecogniser.StopCharacters.Contains(text[open - 1])
            && RecognitionData.MatchEndingAt(data.PersonIntroducers, text, open) is null) return null;
        return open;
    }

    private const int MaxBracketedChineseName = 5;

    /// <summary>
    /// A Latin person's name in brackets spells the Chinese name right before them (段岩（Rocky Duan）,
    /// 伊藤錬（Ren Ito）): two to four characters back to a particle, a title or a punctuation mark.
    /// </summary>
    private void AddChineseFormBeforeBrackets(Document document, MentionSpans spans, Sentence sentence, int start, int end)
    {
        var text = document.Text;
        if (start < 3 || text[start - 1] is not ('（' or '(') || end >= text.Length || text[end] is not ('）' or ')')) return;
        var close = start - 1;
        if (spans.EndingAt(close).Count > 0) return;
        // An introduced name may be as long as a Japanese one (冈野原大辅); an unintroduced run is read to four characters.
        var introduced = IntroducedChineseNameStart(document, spans, sentence, close);
        var open = introduced ?? close;
        while (introduced is null && open > sentence.Range.Start && close - open < 4 && IsHan(text[open - 1]) && !PersonNameRecogniser.StopCharacters.Contains(text[open - 1])
               && RecognitionData.MatchEndingAt(data.PersonIntroducers, text, open) is null) open--;
        if (close - open < 2 || open > sentence.Range.Start && text[open - 1] == '·') return;
        if (open > sentence.Range.Start && IsHan(text[open - 1]) && !PersonNameRecogniser.StopCharacters.Contains(text[open - 1])
            && RecognitionData.MatchEndingAt(data.PersonIntroducers, text, open) is null) return;
        var name = document.Slice(open, close);
        // A person's name cut short inside the run (宫川润 of 宫川润一) gives way to the whole run the spelling names.
        if (data.IsGeneric(name) || spans.Overlapping(new TextRange(open, close)).Any(m => !(m.Type == "Person" && m.Range.Start >= open))) return;
        Add(document, spans, new Mention(new TextRange(open, close), name, "Person", MentionSource.Pattern, 0.75) { Sentence = sentence.Index });
    }
}
