using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// An interview's headline names the interviewee's organization between the word that opens it and the person's
/// title and name (对话云栖智算CEO许北川：…, 专访它石智航陈亦伦): that stretch is an organization even when nothing in it
/// says so, and it is then known wherever the article names it again. Only the article's first sentence is read for
/// that. When the headline names only the person (对话傅盛：…), the lead introduces them with a chain of organizations and
/// titles (星云互动董事长兼CEO、云迹智能董事长王磊): each stretch before a title in that chain is an organization.
/// </summary>
public sealed class InterviewHeadlineRecogniser(RecognitionData data, IReadOnlyCollection<string> openers, IReadOnlyCollection<string> founderWords) : IPipelineStage
{
    private const int MinNameLength = 2;
    private const int MaxNameLength = 12;
    private const double HeadlineConfidence = 0.6;
    private const int LeadSentences = 4;

    private readonly IReadOnlyList<string> _openers = openers.Where(o => o.Length > 0).OrderByDescending(o => o.Length).ToList();

    /// <summary>What may stand between an organization and its person: a title or a founder's word (联合创始人).</summary>
    private readonly IReadOnlyList<string> _posts = data.Titles.Concat(founderWords).Where(w => w.Length > 0).Distinct().OrderByDescending(w => w.Length).ToList();

    public void Process(Document document)
    {
        if (document.Sentences.Count == 0) return;
        var headline = document.Sentences[0];
        var text = document.Text;
        var opener = _openers.FirstOrDefault(o => string.CompareOrdinal(text, headline.Range.Start, o, 0, o.Length) == 0);
        if (opener is null) return;
        var nameStart = headline.Range.Start + opener.Length;
        var person = document.Mentions.Where(m => m.Sentence == 0 && m.Type == "Person" && m.Range.Start > nameStart).MinBy(m => m.Range.Start);
        if (LeadIntroduction(document, nameStart) is { } introduction)
        {
            AddIntroducingOrganizations(document, introduction);
            return;
        }
        var personStart = person?.Range.Start ?? NamedLaterAt(document, headline, nameStart);
        if (personStart < 0) return;
        var nameEnd = WithoutTitle(text, nameStart, personStart);
        while (nameEnd > nameStart && text[nameEnd - 1] == ' ') nameEnd--;
        var name = new TextRange(nameStart, nameEnd);
        if (name.Length is < MinNameLength or > MaxNameLength || !IsName(text, name)) return;
        var found = document.Mentions.Where(m => m.Sentence == 0 && m.Range.Overlaps(name)).ToList();
        if (!found.All(m => IsReadAcrossOpener(m, name))) return;
        foreach (var guess in found) document.Mentions.Remove(guess);
        document.Mentions.Add(new Mention(name, text[name.Start..name.End], "Organization", MentionSource.Pattern, HeadlineConfidence) { Sentence = 0 });
    }

    /// <summary>
    /// Where the headline names, after the organization, a person the article names later (陆承远 of 对话知衡智能陆承远：…,
    /// unread in the headline where the segmenter cut the names together): the person's name ending the headline's first
    /// part, before a colon, a space, a comma or a bar; −1 if none does.
    /// </summary>
    private static int NamedLaterAt(Document document, Sentence headline, int nameStart)
    {
        var text = document.Text;
        foreach (var person in document.Mentions.Where(m => m.Type == "Person" && m.Sentence > 0 && m.Text.Length >= MinNameLength).Select(m => m.Text).Distinct())
        {
            var at = text.IndexOf(person, nameStart + MinNameLength, headline.Range.End - nameStart - MinNameLength, StringComparison.Ordinal);
            if (at >= 0 && IsHeadlineName(text, at, person)) return at;
        }
        return -1;
    }

    /// <summary>
    /// A name guessed from the opener's last characters on (话知衡智能 of 对话知衡智能, where the segmenter joins 话 to the
    /// name) to the organization's end at most: the opener is no part of a name, and the guess gives way to the
    /// organization between it and the person. A known name or one read otherwise keeps its place.
    /// </summary>
    private static bool IsReadAcrossOpener(Mention mention, TextRange name) =>
        mention.Source == MentionSource.Pattern && mention.Range.Start < name.Start && mention.Range.End <= name.End;

    /// <summary>
    /// The interviewee's first mention in the lead when the headline names them alone after its opener (对话王磊：…);
    /// the headline's name may not be recognised yet, so it is matched by the lead's text.
    /// </summary>
    private static Mention? LeadIntroduction(Document document, int nameStart)
    {
        var text = document.Text;
        return document.Mentions
            .Where(m => m.Type == "Person" && m.Sentence is > 0 and <= LeadSentences && IsHeadlineName(text, nameStart, m.Text))
            .MinBy(m => m.Range.Start);
    }

    private static bool IsHeadlineName(string text, int nameStart, string name) =>
        nameStart + name.Length < text.Length && string.CompareOrdinal(text, nameStart, name, 0, name.Length) == 0
        && text[nameStart + name.Length] is '：' or ':' or ' ' or '，' or '|';

    /// <summary>
    /// The interviewee's introduction in the lead, as organization, title(s) and name, joined by 、 for each post
    /// (猎豹移动董事长兼CEO、猎户星空董事长傅盛): every organization stretch of the chain, read backwards from the name, up
    /// to the clause's start. A stretch the recognisers already found is kept as it is and the chain read on.
    /// </summary>
    private void AddIntroducingOrganizations(Document document, Mention introduction)
    {
        var text = document.Text;
        var sentence = document.Sentences[introduction.Sentence];
        var end = introduction.Range.Start;
        while (true)
        {
            var clauseStart = ClauseStart(text, sentence.Range.Start, end);
            var nameEnd = WithoutTitle(text, clauseStart, end);
            if (nameEnd == end) return;
            var name = new TextRange(clauseStart, nameEnd);
            if (name.Length is < MinNameLength or > MaxNameLength) return;
            var known = document.Mentions.Where(m => m.Range.Overlaps(name)).ToList();
            if (known.Count == 0)
            {
                if (!IsName(text, name) || IsDescription(text[name.Start..name.End])) return;
                document.Mentions.Add(new Mention(name, text[name.Start..name.End], "Organization", MentionSource.Pattern, HeadlineConfidence) { Sentence = sentence.Index });
            }
            else if (!known.Any(m => m.Type == "Organization" && m.Range == name)) return;
            if (clauseStart == sentence.Range.Start || text[clauseStart - 1] != '、') return;
            end = clauseStart - 1;
        }
    }

    /// <summary>Where the clause holding position <paramref name="end"/> starts: after the last 、 or comma before it.</summary>
    private static int ClauseStart(string text, int sentenceStart, int end)
    {
        var start = end;
        while (start > sentenceStart && text[start - 1] is not ('、' or '，' or ',' or '：' or '“' or '”' or '（' or '）')) start--;
        return start;
    }

    /// <summary>
    /// Where the organization's name ends: before the titles that end right before the person, however many are
    /// joined (联合创始人兼CEO).
    /// </summary>
    private int WithoutTitle(string text, int start, int personStart)
    {
        var end = personStart;
        while (TitleEndingAt(text, start, end) is { } titleStart)
        {
            end = titleStart;
            while (end > start && text[end - 1] is '兼' or '、' or '及' or '和' or '的') end--;
        }
        return end;
    }

    private int? TitleEndingAt(string text, int start, int end) =>
        RecognitionData.MatchEndingAt(_posts, text, end) is { } title && end - title.Length >= start + MinNameLength ? end - title.Length : null;

    /// <summary>
    /// A lead's stretch that opens or closes with a generic word describes the organization without naming it
    /// (一家上市公司董事长陈静).
    /// </summary>
    private bool IsDescription(string stretch) =>
        data.GenericWords.Any(g => g.Length < stretch.Length && (stretch.StartsWith(g, StringComparison.Ordinal) || stretch.EndsWith(g, StringComparison.Ordinal)));

    private bool IsName(string text, TextRange range)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            var c = text[i];
            if (!(c is >= '\u4E00' and <= '\u9FFF' || char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '-' or '·')) return false;
        }
        return !data.IsGeneric(text[range.Start..range.End]);
    }
}
