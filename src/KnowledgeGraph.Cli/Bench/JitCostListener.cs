using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// Listens, in process, to the runtime's JIT events and adds up how long each method took to compile, by tier: the time
/// from a method's <c>MethodJittingStarted</c> to its <c>MethodLoadVerbose</c> on the same thread. It answers which
/// methods a short run's compiling goes to, which the runtime's own totals (<c>JitInfo</c>) cannot say.
/// </summary>
public sealed class JitCostListener : EventListener
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int MethodLoadVerboseId = 143;
    private const int MethodJittingStartedId = 145;

    // The tier the runtime packs into MethodLoadVerbose's flags (bits 7 to 9), in its own order.
    private static readonly string[] TierNames =
        ["unknown", "minopts", "optimised", "tier 0", "tier 1", "tier 1 OSR", "tier 0 instrumented", "tier 1 instrumented"];

    private readonly ConcurrentDictionary<(long Thread, long MethodId), (DateTime Start, int IlSize)> _started = new();
    private readonly ConcurrentDictionary<(string Method, string Tier), MethodCost> _costs = new();
    private readonly ConcurrentDictionary<long, MethodCost> _threads = new();
    private long _fromTicks = long.MaxValue;
    private long _toTicks = long.MaxValue;
    private long _lastEndTicks;

    /// <summary>Compiles that start from now on are counted.</summary>
    public void Start() => Interlocked.Exchange(ref _fromTicks, DateTime.UtcNow.Ticks);

    /// <summary>Compiles that start after now are not counted.</summary>
    public void Stop() => Interlocked.Exchange(ref _toTicks, DateTime.UtcNow.Ticks);

    /// <summary>The runtime hands its events to listeners from a buffer, a little later: wait for the window's to arrive.</summary>
    public static void WaitForEvents() => Thread.Sleep(TimeSpan.FromSeconds(2));

    public IReadOnlyCollection<KeyValuePair<(string Method, string Tier), MethodCost>> Costs => _costs;

    /// <summary>How long after <see cref="Start"/> the last compile counted ended.</summary>
    public TimeSpan LastCompileEnded => TimeSpan.FromTicks(Math.Max(0, Volatile.Read(ref _lastEndTicks) - Interlocked.Read(ref _fromTicks)));

    /// <summary>The compiles each thread ran: the runtime promotes hot methods on a background thread of its own.</summary>
    public IEnumerable<MethodCost> Threads => _threads.Values;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeProvider) EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.Payload is null || e.PayloadNames is null) return;
        if (e.EventId == MethodJittingStartedId)
        {
            var at = e.TimeStamp.ToUniversalTime().Ticks;
            if (at < Interlocked.Read(ref _fromTicks) || at > Interlocked.Read(ref _toTicks)) return;
            _started[(e.OSThreadId, Convert.ToInt64(Field(e, "MethodID"), CultureInfo.InvariantCulture))] =
                (e.TimeStamp, Convert.ToInt32(Field(e, "MethodILSize"), CultureInfo.InvariantCulture));
        }
        else if (e.EventId == MethodLoadVerboseId
                 && _started.TryRemove((e.OSThreadId, Convert.ToInt64(Field(e, "MethodID"), CultureInfo.InvariantCulture)), out var start))
        {
            var flags = Convert.ToInt64(Field(e, "MethodFlags"), CultureInfo.InvariantCulture);
            var tier = TierNames[(int)((flags >> 7) & 0x7)];
            var method = $"{Field(e, "MethodNamespace")}::{Field(e, "MethodName")}";
            var cost = _costs.GetOrAdd((method, tier), _ => new MethodCost(start.IlSize));
            cost.Add(e.TimeStamp - start.Start);
            _threads.GetOrAdd(e.OSThreadId, _ => new MethodCost(0)).Add(e.TimeStamp - start.Start);
            // The runtime hands its events over on one thread, so nothing else writes this meanwhile.
            Volatile.Write(ref _lastEndTicks, Math.Max(Volatile.Read(ref _lastEndTicks), e.TimeStamp.ToUniversalTime().Ticks));
        }
    }

    private static object? Field(EventWrittenEventArgs e, string name)
    {
        var index = e.PayloadNames!.IndexOf(name);
        return index < 0 ? null : e.Payload![index];
    }

    /// <summary>Compiles of one method at one tier: how many and how long in all.</summary>
    public sealed class MethodCost(int ilSize)
    {
        private long _ticks;
        private int _count;

        public int IlSize { get; } = ilSize;

        public int Count => _count;

        public TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void Add(TimeSpan elapsed)
        {
            Interlocked.Add(ref _ticks, elapsed.Ticks);
            Interlocked.Increment(ref _count);
        }
    }
}
