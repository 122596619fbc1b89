using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Normalisation;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// An interviewer's question asserts nothing by itself (「问：有报道说美团会领投你们的下一轮融资，是真的吗？」): relations
/// found only in a question turn are dropped; the answer says what holds. A question about rivals is the exception: the
/// organizations it names (「问：宇树、优必选都在做人形，你怎么看竞争？」) compete with the organization the answer
/// after it speaks for, unless the answer denies it (「我不把宇树当成对手」): resolution/rival-questions.tsv.
/// </summary>
public sealed class QuestionTurns(SpeechTurns turns, LanguageResources resources) : IPipelineStage
{
    private readonly string[] _rivalCues = WordsOf(resources, "cue");
    private readonly string[] _denials = WordsOf(resources, "denial");

    /// <summary>A question's rivals are less sure than a sentence that says two companies compete.</summary>
    private const double RivalConfidence = 0.6;

    public void Process(Document document)
    {
        var questions = new HashSet<int>();
        for (var p = 0; p < document.Paragraphs.Count; p++)
        {
            var paragraph = document.Paragraphs[p];
            var start = paragraph.Start + ListItemMarker.LengthAt(document.Text, paragraph.Start);
            if (turns.At(document.Text, start, paragraph.End).Role == TurnRole.Question) questions.Add(p);
        }
        if (questions.Count == 0) return;
        document.Relations.RemoveAll(r => questions.Contains(r.Sentence.Paragraph));
        foreach (var p in questions)
        {
            if (document.Turns.TryGetValue(p + 1, out var answer) && answer.Organization.Entity is { } speakers
                && Says(document, p, _rivalCues) && !Says(document, p + 1, _denials)) AddRivals(document, p, speakers);
        }
    }

    private static void AddRivals(Document document, int question, EntityCluster speakers)
    {
        var paragraph = document.Paragraphs[question];
        var named = document.Mentions.Where(m => m is { Type: "Organization", IsAnaphor: false, Entity: not null, Sentence: >= 0 }
                                                 && paragraph.Start <= m.Range.Start && m.Range.End <= paragraph.End && m.Entity != speakers);
        foreach (var rival in named.GroupBy(m => m.Entity!).Select(g => g.First()))
        {
            document.Relations.Add(new RelationCandidate("COMPETES_WITH", speakers, rival.Entity!, RivalConfidence,
                document.Sentences[rival.Sentence], RelationAttributes.None));
        }
    }

    private static bool Says(Document document, int paragraph, string[] words)
    {
        var range = document.Paragraphs[paragraph];
        var text = document.Text.AsSpan(range.Start, range.Length);
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }

    private static string[] WordsOf(LanguageResources resources, string kind) =>
        resources.Rows("resolution/rival-questions.tsv", 2).Where(r => r[0].Trim() == kind).Select(r => r[1].Trim()).ToArray();
}
