using System.CommandLine;
using System.Globalization;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Evaluation;

namespace KnowledgeGraph.Cli;

/// <summary><c>kg eval GOLD_DIR</c>: precision, recall and F1 of extraction against NAME.gold.json annotations.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("gold-dir") { Description = "Folder of NAME.txt (or .html, .json) files with NAME.gold.json beside them" };
        var verbose = new Option<bool>("--verbose") { Description = "List every missed and spurious item" };
        var command = new Command("eval", "Score extraction against gold annotations") { directory, verbose };
        command.SetAction(result => Run(result.GetValue(directory)!, result.GetValue(verbose)));
        return command;
    }

    private static int Run(string directory, bool verbose)
    {
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"kg eval: folder '{directory}' does not exist");
            return 2;
        }
        var report = new Evaluator(new ExtractionPipeline()).Evaluate(directory);
        foreach (var error in report.Errors) Console.Error.WriteLine($"kg eval: {error}");
        Console.WriteLine($"articles: {report.Articles}");
        Console.WriteLine(FormattableString.Invariant($"{"",-16} {"P",6} {"R",6} {"F1",6} {"tp",5} {"fp",5} {"fn",5}"));
        Print("entities", report.Entities);
        Print("relations", report.Relations);
        foreach (var (type, score) in report.RelationsByType.OrderBy(p => p.Key, StringComparer.Ordinal))
            Print("  " + type, score);
        if (verbose)
        {
            foreach (var line in report.Details) Console.WriteLine(line);
        }
        return report.Errors.Count == 0 ? 0 : 1;
    }

    private static void Print(string label, Score score) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-16} {score.Precision,6:F3} {score.Recall,6:F3} {score.F1,6:F3} {score.TruePositives,5} {score.FalsePositives,5} {score.FalseNegatives,5}"));
}
