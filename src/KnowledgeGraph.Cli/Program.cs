using System.CommandLine;
using KnowledgeGraph.Cli;
using KnowledgeGraph.Cli.Bench;
using KnowledgeGraph.Cli.Export;
using KnowledgeGraph.Cli.Ingestion;

var root = new RootCommand("KnowledgeGraph: a knowledge graph of the AI industry from Chinese news");
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return await root.Parse(args).InvokeAsync();
