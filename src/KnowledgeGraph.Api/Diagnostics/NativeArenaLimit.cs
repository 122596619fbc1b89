using System.Runtime.InteropServices;

namespace KnowledgeGraph.Api.Diagnostics;

/// <summary>What <see cref="NativeArenaLimit.Apply"/> did.</summary>
public enum NativeArenaLimitOutcome
{
    /// <summary>glibc was told to create no more than <see cref="NativeArenaLimit.Arenas"/> arenas.</summary>
    Applied,

    /// <summary>The user set glibc's arena count in the environment; glibc read it at start-up and it stays.</summary>
    LeftToUser,

    /// <summary>Not Linux with glibc (Windows, macOS, musl): their allocators have no such setting.</summary>
    NotGlibc,
}

/// <summary>
/// Caps glibc's malloc arenas for the whole process. glibc gives every thread that allocates an arena of its own, up to
/// eight per core, and each arena keeps what SQLite and the runtime freed in it; the writer of a bulk ingest resumes on
/// whichever pool thread is free, so over a long ingest those free lists held 55-72 MB (docs/benchmarks.md, session 8).
/// Two arenas held 12-21 MB at the same CPU. glibc fixes its limit once it has made more than eight arenas, so this must
/// run first thing in Main. The runtime's own threads have made about six by then; those stay, and the cap keeps the
/// thread pool's threads from adding more (up to sixteen on two cores). MALLOC_ARENA_MAX=2 in the environment caps them
/// from the first thread, as scripts/run.sh and the Dockerfile set it (docs/benchmarks.md, session 9).
/// </summary>
public static class NativeArenaLimit
{
    public const int Arenas = 2;

    // M_ARENA_MAX in glibc's malloc.h.
    private const int MallocArenaMaxParameter = -8;

    public static NativeArenaLimitOutcome Apply() => Apply(Environment.GetEnvironmentVariable);

    /// <summary>The same, with the environment read through <paramref name="environment"/>.</summary>
    public static NativeArenaLimitOutcome Apply(Func<string, string?> environment)
    {
        if (!OperatingSystem.IsLinux())
            return NativeArenaLimitOutcome.NotGlibc;
        if (environment("MALLOC_ARENA_MAX") is not null || environment("GLIBC_TUNABLES")?.Contains("arena_max", StringComparison.Ordinal) == true)
            return NativeArenaLimitOutcome.LeftToUser;
        try
        {
            return Mallopt(MallocArenaMaxParameter, Arenas) == 1 ? NativeArenaLimitOutcome.Applied : NativeArenaLimitOutcome.NotGlibc;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            // libc.so.6 is glibc's name; musl's C library is called otherwise and has no arenas to cap.
            return NativeArenaLimitOutcome.NotGlibc;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
