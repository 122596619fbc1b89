using System.CommandLine;
using KnowledgeGraph.Cli;

var root = new RootCommand("KnowledgeGraph: a knowledge graph of the AI industry from Chinese news");
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
return await root.Parse(args).InvokeAsync();
