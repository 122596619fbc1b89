namespace KnowledgeGraph.Api.Diagnostics;

/// <summary>
/// Hands memory back to the operating system once the service has answered requests and then been idle for a while.
/// An idle process never collects garbage, so the heap a burst of requests grew stays committed, and glibc keeps
/// what SQLite and the runtime freed in its per-thread arenas; after a load test the service stayed about 50 MB above
/// its baseline (docs/benchmarks.md, "Per-request cost and memory after load"). One compacting collection in the
/// runtime's aggressive mode (which also decommits the free regions) and malloc_trim end that, at the cost of a pause
/// of some milliseconds when nobody is waiting.
/// </summary>
public sealed partial class IdleMemoryRelease(ILogger<IdleMemoryRelease> logger) : BackgroundService
{
    /// <summary>How long no request may arrive before memory is released; it happens between one and two of these after the last.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(10);

    private long _requests;
    private long _requestsAtLastLook;
    private long _requestsAtLastRelease;

    public void NoteRequest() => Interlocked.Increment(ref _requests);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(IdleAfter);
        while (await ticks.WaitForNextTickAsync(stoppingToken))
            ReleaseIfIdle();
    }

    /// <summary>
    /// One look per <see cref="IdleAfter"/>: releases when requests arrived before the previous look and none since,
    /// once per such quiet spell. Called by one timer only.
    /// </summary>
    /// <returns>Whether memory was released.</returns>
    public bool ReleaseIfIdle()
    {
        var requests = Interlocked.Read(ref _requests);
        var release = requests == _requestsAtLastLook && requests != _requestsAtLastRelease;
        if (release)
        {
            Release();
            _requestsAtLastRelease = requests;
        }
        _requestsAtLastLook = requests;
        return release;
    }

    private void Release()
    {
        var before = Environment.WorkingSet;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        LogReleased(logger, before >> 20, Environment.WorkingSet >> 20);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle after requests: memory returned to the system, working set {BeforeMb} MB -> {AfterMb} MB")]
    private static partial void LogReleased(ILogger logger, long beforeMb, long afterMb);
}
