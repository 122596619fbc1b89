using System.Text.Json;
using System.Xml.Linq;
using KnowledgeGraph.Cli.Export;
using KnowledgeGraph.Cli.Ingestion;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Export;

namespace KnowledgeGraph.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Exports_the_ingested_corpus_to_files_that_parse_and_match_the_store()
    {
        var settings = new StoreSettings { Store = "sqlite", SqlitePath = _workspace.Database() };
        Assert.Equal(0, await IngestCommand.RunAsync(new IngestRequest([_workspace.Corpus], settings, 2), new PlainIngestDisplay(TextWriter.Null, TextWriter.Null, TimeSpan.FromMinutes(1)), CancellationToken.None));
        var snapshot = await GraphSnapshot.OfSqliteAsync(settings.SqlitePath);
        var entityCount = snapshot.Count(l => l.StartsWith("entity ", StringComparison.Ordinal));
        var relationCount = snapshot.Count(l => l.StartsWith("relation ", StringComparison.Ordinal));

        var json = Path.Combine(_workspace.Root, "graph.json");
        Assert.Equal(0, await ExportCommand.RunAsync(settings, ExportFilter.WholeGraph, ExportFormat.Json, json, CancellationToken.None));
        var root = JsonDocument.Parse(File.ReadAllBytes(json)).RootElement;
        Assert.Equal(entityCount, root.GetProperty("nodes").GetArrayLength());
        Assert.Equal(relationCount, root.GetProperty("links").GetArrayLength());

        var graphml = Path.Combine(_workspace.Root, "people.graphml");
        Assert.Equal(0, await ExportCommand.RunAsync(settings, new ExportFilter(EntityTypes: ["Person"]), ExportFormat.GraphMl, graphml, CancellationToken.None));
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        var nodes = XDocument.Load(graphml).Descendants(ns + "node").Select(n => n.Attribute("id")!.Value).ToList();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, id => Assert.StartsWith("per:", id));
        Assert.False(File.Exists(graphml + ".partial"));
    }

    [Fact]
    public async Task An_unknown_type_is_refused_before_any_file_is_written()
    {
        var settings = new StoreSettings { Store = "sqlite", SqlitePath = _workspace.Database() };
        var output = Path.Combine(_workspace.Root, "never.json");

        Assert.Equal(2, await ExportCommand.RunAsync(settings, new ExportFilter(EntityTypes: ["Spaceship"]), ExportFormat.Json, output, CancellationToken.None));
        Assert.False(File.Exists(output));
    }
}
