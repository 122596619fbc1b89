using System.Runtime.InteropServices;

namespace KnowledgeGraph.Api.Diagnostics;

/// <summary>
/// Gives glibc's free memory back to the operating system. glibc keeps what SQLite and the runtime free inside its
/// arenas for later allocations, and only the top of an arena goes back by itself; malloc_trim also releases the whole
/// free pages in the middle of them. A bulk ingest frees a batch's native memory after every commit and allocates it
/// again in the next batch, each time at other places of the arenas, so without a trim the free part kept growing
/// (docs/benchmarks.md, session 10).
/// </summary>
public static class NativeHeap
{
    // Once glibc's malloc_trim is found missing (musl, not Linux), it is not looked for again.
    private static volatile bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Releases glibc's free pages; returns whether glibc was asked (false on other systems, where it does nothing).</summary>
    public static bool Trim()
    {
        if (_unavailable) return false;
        try
        {
            // glibc answers whether it found anything to release, which says nothing about the call having worked.
            MallocTrim(0);
            return true;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, say): its allocator returns memory by itself or not at all.
            _unavailable = true;
            return false;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
