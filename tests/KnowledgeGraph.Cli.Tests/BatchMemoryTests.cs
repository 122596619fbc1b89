using System.Reflection;
using KnowledgeGraph.Cli.Ingestion;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Cli.Tests;

public sealed class BatchMemoryTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_stored_batch_is_collected_before_the_next_one_is_stored()
    {
        // Thirty one-article files: batches of 2, 4, 8 and 16 articles.
        var files = Directory.EnumerateFiles(_workspace.Corpus, "*.txt").Order(StringComparer.Ordinal).Take(30).ToList();
        await using var store = await GraphStoreFactory.OpenAsync(new StoreSettings { Store = "sqlite", SqlitePath = _workspace.Database() }, CancellationToken.None);
        var watched = BatchWatcher.Around(store);
        var ingester = new BulkIngester(new ExtractionPipeline(), watched, IngestLedger.None(), new BulkIngestOptions(2, 16));

        await ingester.RunAsync(files, CancellationToken.None);

        Assert.Equal(0, ingester.Progress.FilesFailed);
        var watcher = (BatchWatcher)(object)watched;
        Assert.Equal(3, watcher.StillAliveFromThePreviousBatch.Count);
        // The writer's loop still names the last file it read until it reads the next; every other article is gone.
        Assert.All(watcher.StillAliveFromThePreviousBatch, alive => Assert.InRange(alive, 0, 1));
    }
}

/// <summary>A store that counts, as each batch arrives, how many articles of the batch before it are still in memory.</summary>
public class BatchWatcher : DispatchProxy
{
    private IGraphStore _inner = null!;
    private List<WeakReference<ExtractionResult>>? _previous;

    public List<int> StillAliveFromThePreviousBatch { get; } = [];

    public static IGraphStore Around(IGraphStore inner)
    {
        var proxy = Create<IGraphStore, BatchWatcher>();
        ((BatchWatcher)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IGraphStore.IngestAsync) && args?[0] is IReadOnlyList<ExtractionResult> batch)
        {
            if (_previous is not null) StillAliveFromThePreviousBatch.Add(_previous.Count(r => r.TryGetTarget(out _)));
            _previous = [.. batch.Select(r => new WeakReference<ExtractionResult>(r))];
        }
        return targetMethod.Invoke(_inner, args);
    }
}
