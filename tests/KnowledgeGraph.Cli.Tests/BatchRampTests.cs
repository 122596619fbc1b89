using KnowledgeGraph.Cli.Ingestion;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Cli.Tests;

public sealed class BatchRampTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task The_writer_starts_with_an_eighth_of_a_batch_and_doubles_up_to_the_batch()
    {
        // Thirty one-article files: batches of 2, 4, 8 and 16 articles (the last capped at --batch).
        var files = Directory.EnumerateFiles(_workspace.Corpus, "*.txt").Order(StringComparer.Ordinal).Take(30).ToList();
        Assert.Equal(30, files.Count);
        await using var store = await GraphStoreFactory.OpenAsync(new StoreSettings { Store = "sqlite", SqlitePath = _workspace.Database() }, CancellationToken.None);
        var ingester = new BulkIngester(new ExtractionPipeline(), store, IngestLedger.None(), new BulkIngestOptions(2, 16));
        var committed = new List<long>();
        ingester.BatchCommitted += () => committed.Add(ingester.Progress.Articles);

        await ingester.RunAsync(files, CancellationToken.None);

        Assert.Equal(0, ingester.Progress.FilesFailed);
        Assert.Equal([2L, 6, 14, 30], committed);
    }
}
