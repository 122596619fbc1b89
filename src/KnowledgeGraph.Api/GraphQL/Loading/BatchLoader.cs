using GraphQL.DataLoader;

namespace KnowledgeGraph.Api.GraphQL.Loading;

/// <summary>
/// Collects the keys that resolvers ask for while one level of the query executes and fetches them together the
/// first time GraphQL.NET asks any of them for its value. One instance lives for one request; answers are cached
/// for that request, so a key asked for twice is fetched once.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOfKey = new(comparer);
    private Batch? _open;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOfKey.TryGetValue(key, out var batch))
            {
                _open ??= new Batch(this);
                _open.Keys.Add(key);
                batch = _open;
                _batchOfKey[key] = batch;
            }
            return new PendingValue(batch, key);
        }
    }

    /// <summary>
    /// Records values already in hand (say, the nodes a neighbourhood returned) so that asking for them costs no fetch.
    /// Keys already asked for keep what they have.
    /// </summary>
    public void Prime(IEnumerable<KeyValuePair<TKey, TValue>> known)
    {
        lock (_gate)
        {
            var fresh = known.Where(pair => !_batchOfKey.ContainsKey(pair.Key)).ToList();
            if (fresh.Count == 0)
                return;
            var batch = Batch.Completed(this, fresh.ToDictionary(pair => pair.Key, pair => pair.Value, _batchOfKey.Comparer));
            foreach (var (key, _) in fresh)
            {
                batch.Keys.Add(key);
                _batchOfKey[key] = batch;
            }
        }
    }

    private void Close(Batch batch)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_open, batch))
                _open = null;
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        private readonly Lock _startGate = new();
        private Task<IReadOnlyDictionary<TKey, TValue>>? _result;

        public List<TKey> Keys { get; } = [];

        public static Batch Completed(BatchLoader<TKey, TValue> owner, IReadOnlyDictionary<TKey, TValue> values) =>
            new(owner) { _result = Task.FromResult(values) };

        public Task<IReadOnlyDictionary<TKey, TValue>> RunAsync(CancellationToken cancellationToken)
        {
            lock (_startGate)
            {
                if (_result is null)
                {
                    owner.Close(this);
                    _result = owner.FetchAsync(this, cancellationToken);
                }
                return _result;
            }
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(Batch batch, CancellationToken cancellationToken)
    {
        TKey[] keys;
        lock (_gate)
            keys = [.. batch.Keys];
        return fetch(keys, cancellationToken);
    }

    private sealed class PendingValue(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.RunAsync(cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}

public static class DataLoaderResultExtensions
{
    /// <summary>Transforms a pending value once it arrives, keeping it pending so batching is not broken.</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> pending, Func<TIn, TOut> map) =>
        new MappedResult<TIn, TOut>(pending, map);

    private sealed class MappedResult<TIn, TOut>(IDataLoaderResult<TIn> pending, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await pending.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
