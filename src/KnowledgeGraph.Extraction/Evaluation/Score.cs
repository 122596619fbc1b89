namespace KnowledgeGraph.Extraction.Evaluation;

public sealed class Score
{
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int FalseNegatives { get; set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed class EvaluationReport
{
    public int Articles { get; set; }
    public Score Entities { get; } = new();
    public Score Relations { get; } = new();
    public SortedDictionary<string, Score> RelationsByType { get; } = new(StringComparer.Ordinal);
    public List<string> Errors { get; } = [];
    public List<string> Details { get; } = [];

    public Score ForType(string type) => RelationsByType.TryGetValue(type, out var score) ? score : RelationsByType[type] = new Score();
}
