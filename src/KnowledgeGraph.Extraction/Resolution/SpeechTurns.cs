using KnowledgeGraph.Extraction.LanguageData;

namespace KnowledgeGraph.Extraction.Resolution;

public enum TurnRole { None, Answer, Question }

/// <summary>The labels (答：, 问：, 记者：) that open a turn of an interview at a paragraph's start: resolution/speech-turns.tsv.</summary>
public sealed class SpeechTurns(LanguageResources resources)
{
    private readonly (string Label, TurnRole Role)[] _labels = resources.Rows("resolution/speech-turns.tsv", 2)
        .Select(r => (Label: r[1].Trim(), Role: r[0].Trim() == "answer" ? TurnRole.Answer : TurnRole.Question))
        .OrderByDescending(t => t.Label.Length)
        .ToArray();

    /// <summary>The role of the turn a label opens at <paramref name="start"/>, and where its words begin after the colon.</summary>
    public (TurnRole Role, int SpokenFrom) At(string text, int start, int end)
    {
        foreach (var (label, role) in _labels)
        {
            var colon = start + label.Length;
            if (colon < end && string.CompareOrdinal(text, start, label, 0, label.Length) == 0 && text[colon] is '：' or ':')
                return (role, colon + 1);
        }
        return (TurnRole.None, start);
    }
}
