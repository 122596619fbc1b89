using System.Threading.RateLimiting;
using KnowledgeGraph.Api.Configuration;

namespace KnowledgeGraph.Api.GraphQL.Limits;

/// <summary>
/// Bounds how many queries execute at once; the rest wait in line in arrival order. On two cores, eight requests
/// executing at once left every thread runnable most of the time, and a refusal needing 2 ms of CPU took over 100 ms
/// to get it (docs/benchmarks.md, session 6). Only execution is bounded: a request is read, screened, parsed and
/// validated before it queues, so hostile documents are refused without waiting here.
/// </summary>
public sealed class QueryExecutionGate : IDisposable
{
    public const string Busy = "SERVICE_BUSY";

    private readonly ConcurrencyLimiter? _limiter;

    public QueryExecutionGate(QueryLimits limits)
    {
        if (limits.MaxConcurrentQueries <= 0)
            return;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.MaxConcurrentQueries,
            QueueLimit = Math.Max(0, limits.MaxQueuedQueries),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        QueueLimit = Math.Max(0, limits.MaxQueuedQueries);
    }

    public int QueueLimit { get; }

    /// <summary>Queries waiting for a turn right now.</summary>
    public long Waiting => _limiter?.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>A turn to execute, to dispose when done, or null when the line is full.</summary>
    /// <exception cref="OperationCanceledException">The request was cancelled or timed out while waiting.</exception>
    public async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (_limiter is null)
            return NoTurn.Instance;
        // Taking a free turn synchronously skips the limiter's asynchronous path in the common, uncontended case.
        var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }
        if (lease.IsAcquired)
            return lease;
        lease.Dispose();
        return null;
    }

    public void Dispose() => _limiter?.Dispose();

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
