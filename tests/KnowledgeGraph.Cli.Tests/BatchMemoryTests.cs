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
        // A batch kept whole (what this guards against) leaves all of its articles alive: 4 of 4 and 8 of 8. A released
        // one leaves at most the one or two that the writer's loop or the channel still names until they move on.
        Assert.All(watcher.StillAliveFromThePreviousBatch.Skip(1), previous => Assert.InRange(previous.Alive, 0, previous.Size / 2));
    }
}

/// <summary>A store that counts, as each batch arrives, how many articles of the batch before it are still in memory.</summary>
public class BatchWatcher : DispatchProxy
{
    private IGraphStore _inner = null!;
    private List<WeakReference<ExtractionResult>>? _previous;

    public List<(int Alive, int Size)> StillAliveFromThePreviousBatch { get; } = [];

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
            if (_previous is not null) StillAliveFromThePreviousBatch.Add((_previous.Count(r => r.TryGetTarget(out _)), _previous.Count));
            _previous = [.. batch.Select(r => new WeakReference<ExtractionResult>(r))];
        }
        return targetMethod.Invoke(_inner, args);
    }
}
