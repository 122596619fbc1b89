using KnowledgeGraph.Api;
using KnowledgeGraph.Api.Diagnostics;
using KnowledgeGraph.Api.GraphQL;

NativeArenaLimit.Apply();

if (args.Contains("--print-schema"))
{
    Console.Out.Write(SchemaSdl.PrintWithoutServices());
    return;
}

KnowledgeGraphService.Build(WebApplication.CreateBuilder(args)).Run();

public partial class Program;
