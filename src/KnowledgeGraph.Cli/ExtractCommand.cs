using System.CommandLine;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Output;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Cli;

/// <summary><c>kg extract PATH...</c>: one JSON line per article on stdout; unreadable files are named on stderr.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Article files or folders (searched recursively)" };
        var format = new Option<string>("--format") { Description = "jsonl (one line per article) or pretty", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "pretty");
        var command = new Command("extract", "Extract entities and relations from articles") { paths, format };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(format) == "pretty"));
        return command;
    }

    private static int Run(string[] paths, bool pretty)
    {
        var pipeline = new ExtractionPipeline();
        var failures = 0;
        using var output = Console.OpenStandardOutput();
        foreach (var file in ArticleReader.EnumerateFiles(paths))
        {
            try
            {
                foreach (var article in ArticleReader.ReadFile(file))
                    ExtractionJson.WriteLine(output, pipeline.Extract(article), pretty);
            }
            catch (ArticleReadException e)
            {
                failures++;
                Console.Error.WriteLine($"kg extract: {e.Message}");
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
