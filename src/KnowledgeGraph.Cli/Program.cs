using System.CommandLine;
using KnowledgeGraph.Api.Diagnostics;
using KnowledgeGraph.Cli.Bench;
using KnowledgeGraph.Cli.Export;
using KnowledgeGraph.Cli.Ingestion;

namespace KnowledgeGraph.Cli;

// A named class rather than top-level statements: the service's assembly, referenced for `kg serve`, has the global Program.
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        NativeArenaLimit.Apply();
        var root = new RootCommand("KnowledgeGraph: a knowledge graph of the AI industry from Chinese news");
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }
}
