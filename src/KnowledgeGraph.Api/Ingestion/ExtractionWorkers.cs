using System.Collections.Concurrent;

namespace KnowledgeGraph.Api.Ingestion;

/// <summary>
/// Runs extraction on threads of its own, nicer than the threads that answer requests. Extraction is CPU work of up
/// to seconds per article under load; on pool threads it held threads that answer queries and refusals (the pool grew
/// by 7 threads in a load run, session 5), and at the same priority it took about 40% of the service's CPU while
/// refusals waited for a core (session 6, docs/benchmarks.md). A nicer thread still gets every core nobody else
/// wants, so ingests slow down only while requests compete for the CPU.
/// </summary>
/// <remarks>
/// Results are handed back by a thread at the service's own priority: a thread inherits the nice value of the thread
/// that creates it, and completing a task from a nicer thread can make the thread pool create a worker there, which
/// would then answer requests at the nicer level for good (a test saw exactly that).
/// </remarks>
public sealed class ExtractionWorkers : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly BlockingCollection<Action> _results = new();

    private int _runningWorkers;

    public ExtractionWorkers(int workers, int niceness)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _runningWorkers = workers;
        for (var i = 0; i < workers; i++)
            Start($"kg-extract-{i}", () =>
            {
                if (niceness > 0)
                    ThreadNiceness.Lower(niceness);
                Drain(_work);
                // The last worker out closes the hand-back line: only then can nothing more arrive on it.
                if (Interlocked.Decrement(ref _runningWorkers) == 0)
                    _results.CompleteAdding();
            });
        Start("kg-extract-done", () => Drain(_results));
    }

    public Task<T> RunAsync<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            Action handBack;
            try
            {
                var result = work();
                handBack = () => completion.SetResult(result);
            }
            catch (Exception error)
            {
                handBack = () => completion.SetException(error);
            }
            _results.Add(handBack);
        });
        return completion.Task;
    }

    /// <summary>Takes no more work; what was queued still runs and is handed back, then the threads end.</summary>
    public void Dispose() => _work.CompleteAdding();

    private static void Drain(BlockingCollection<Action> items)
    {
        foreach (var item in items.GetConsumingEnumerable())
            item();
    }

    private static void Start(string name, Action loop) =>
        new Thread(() => loop()) { IsBackground = true, Name = name }.Start();
}
