using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// An interview's headline names the interviewee's organization between the word that opens it and the person's
/// title and name (对话云栖智算CEO许北川：…, 专访它石智航陈亦伦): that stretch is an organization even when nothing in it
/// says so, and it is then known wherever the article names it again. Only the article's first sentence is read.
/// </summary>
public sealed class InterviewHeadlineRecogniser(RecognitionData data, IReadOnlyCollection<string> openers) : IPipelineStage
{
    private const int MinNameLength = 2;
    private const int MaxNameLength = 12;
    private const double HeadlineConfidence = 0.6;

    private readonly IReadOnlyList<string> _openers = openers.Where(o => o.Length > 0).OrderByDescending(o => o.Length).ToList();

    public void Process(Document document)
    {
        if (document.Sentences.Count == 0) return;
        var headline = document.Sentences[0];
        var text = document.Text;
        var opener = _openers.FirstOrDefault(o => string.CompareOrdinal(text, headline.Range.Start, o, 0, o.Length) == 0);
        if (opener is null) return;
        var nameStart = headline.Range.Start + opener.Length;
        var person = document.Mentions.Where(m => m.Sentence == 0 && m.Type == "Person" && m.Range.Start > nameStart).MinBy(m => m.Range.Start);
        if (person is null) return;
        var nameEnd = WithoutTitle(text, nameStart, person.Range.Start);
        while (nameEnd > nameStart && text[nameEnd - 1] == ' ') nameEnd--;
        var name = new TextRange(nameStart, nameEnd);
        if (name.Length is < MinNameLength or > MaxNameLength || !IsName(text, name)) return;
        if (document.Mentions.Any(m => m.Sentence == 0 && m.Range.Overlaps(name))) return;
        document.Mentions.Add(new Mention(name, text[name.Start..name.End], "Organization", MentionSource.Pattern, HeadlineConfidence) { Sentence = 0 });
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
        RecognitionData.MatchEndingAt(data.Titles, text, end) is { } title && end - title.Length >= start + MinNameLength ? end - title.Length : null;

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
