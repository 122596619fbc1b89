using System.Globalization;
using System.Runtime.InteropServices;

namespace KnowledgeGraph.Api.Ingestion;

/// <summary>
/// The Linux nice value of the calling thread alone. Linux schedules threads, not processes, and lets any thread make
/// itself nicer without privilege; .NET's <see cref="Thread.Priority"/> does nothing there, so this goes to libc.
/// </summary>
public static class ThreadNiceness
{
    private const int PrioProcess = 0;
    private const int Nicest = 19;

    /// <summary>The calling thread's nice value, or null where threads have none of their own (not Linux).</summary>
    public static int? Current()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        // Field 19 of stat is the nice value; the command name before it may hold spaces, so count from its ')'.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Makes the calling thread <paramref name="levels"/> nicer (at most 19) and answers its nice value afterwards,
    /// or null when the system has no per-thread nice value or refused.
    /// </summary>
    public static int? Lower(int levels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        if (Current() is not { } current)
            return null;
        var target = Math.Min(Nicest, current + levels);
        return target == current || setpriority(PrioProcess, gettid(), target) == 0 ? target : null;
    }

    [DllImport("libc")]
    private static extern int gettid();

    [DllImport("libc")]
    private static extern int setpriority(int which, int who, int priority);
}
