using System.CommandLine;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Cli.Export;

/// <summary><c>kg export --format graphml|csv|json --output FILE</c>: the whole graph or a filtered part, streamed to a file.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Required = true, Description = "graphml, csv (a zip of nodes.csv and edges.csv) or json (networkx node-link)" };
        format.AcceptOnlyFromAmong("graphml", "csv", "json");
        var output = new Option<string>("--output", "-o") { Required = true, Description = "File to write; '-' for standard output" };
        var types = new Option<string[]>("--types") { Description = "Entity types to keep (e.g. Organization Person)", AllowMultipleArgumentsPerToken = true };
        var relationTypes = new Option<string[]>("--relation-types") { Description = "Relation types to keep (e.g. INVESTED_IN)", AllowMultipleArgumentsPerToken = true };
        var from = new Option<string?>("--from") { Description = "Keep relations dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Keep relations dated on or before this date" };
        var entity = new Option<string?>("--entity") { Description = "Export only this entity's neighbourhood (an id such as org:openai)" };
        var depth = new Option<int>("--depth") { Description = "Neighbourhood depth with --entity, 1 to 3", DefaultValueFactory = _ => 1 };
        var store = new StoreOptions();
        var command = new Command("export", "Export the graph as GraphML, CSV or node-link JSON") { format, output, types, relationTypes, from, to, entity, depth };
        store.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var filter = new ExportFilter(
                NullIfEmpty(result.GetValue(types)), NullIfEmpty(result.GetValue(relationTypes)),
                result.GetValue(from), result.GetValue(to), result.GetValue(entity), result.GetValue(depth));
            return RunAsync(store.Read(result), filter, ExportFormats.Parse(result.GetValue(format)!), result.GetValue(output)!, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(StoreSettings settings, ExportFilter filter, ExportFormat format, string outputPath, CancellationToken cancellationToken)
    {
        try
        {
            filter.Validate(OntologySchema.Default);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"kg export: {e.Message}");
            return 2;
        }
        Graph.IGraphStore store;
        try
        {
            store = await GraphStoreFactory.OpenAsync(settings, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or GraphStoreUnavailableException or IOException)
        {
            Console.Error.WriteLine($"kg export: cannot open the {settings.Store} store: {e.Message}");
            return 2;
        }
        await using var _ = store;
        if (outputPath == "-")
        {
            await using var stdout = Console.OpenStandardOutput();
            await GraphExporter.WriteAsync(store, filter, format, stdout, cancellationToken);
            return 0;
        }
        // Written beside the target and moved into place at the end, so a failed export never leaves half a file.
        var partial = outputPath + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                await GraphExporter.WriteAsync(store, filter, format, file, cancellationToken);
            File.Move(partial, outputPath, overwrite: true);
            return 0;
        }
        catch (Exception e) when (e is Graph.GraphQueryException or IOException)
        {
            File.Delete(partial);
            Console.Error.WriteLine($"kg export: {e.Message}");
            return 1;
        }
    }

    private static string[]? NullIfEmpty(string[]? values) => values is { Length: > 0 } ? values : null;
}
