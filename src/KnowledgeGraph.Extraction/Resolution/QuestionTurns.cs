using KnowledgeGraph.Extraction.Normalisation;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// An interviewer's question asserts nothing by itself (「问：有报道说美团会领投你们的下一轮融资，是真的吗？」): relations
/// found only in a question turn are dropped; the answer says what holds.
/// </summary>
public sealed class QuestionTurns(SpeechTurns turns) : IPipelineStage
{
    public void Process(Document document)
    {
        if (document.Relations.Count == 0) return;
        var questions = new HashSet<int>();
        for (var p = 0; p < document.Paragraphs.Count; p++)
        {
            var paragraph = document.Paragraphs[p];
            var start = paragraph.Start + ListItemMarker.LengthAt(document.Text, paragraph.Start);
            if (turns.At(document.Text, start, paragraph.End).Role == TurnRole.Question) questions.Add(p);
        }
        if (questions.Count > 0) document.Relations.RemoveAll(r => questions.Contains(r.Sentence.Paragraph));
    }
}
