using KnowledgeGraph.Api.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Measures the process's own memory, so nothing else in the test run may allocate meanwhile.</summary>
[CollectionDefinition(nameof(ProcessMemoryCollection), DisableParallelization = true)]
public sealed class ProcessMemoryCollection;

[Collection(nameof(ProcessMemoryCollection))]
public sealed class IdleMemoryReleaseTests
{
    [Fact]
    public void Releases_once_per_quiet_spell_and_only_after_requests()
    {
        var idleMemory = new IdleMemoryRelease(NullLogger<IdleMemoryRelease>.Instance);

        Assert.False(idleMemory.ReleaseIfIdle());
        idleMemory.NoteRequest();
        Assert.False(idleMemory.ReleaseIfIdle());
        Assert.True(idleMemory.ReleaseIfIdle());
        Assert.False(idleMemory.ReleaseIfIdle());

        idleMemory.NoteRequest();
        Assert.False(idleMemory.ReleaseIfIdle());
        idleMemory.NoteRequest();
        Assert.False(idleMemory.ReleaseIfIdle());
        Assert.True(idleMemory.ReleaseIfIdle());
    }

    [Fact]
    public void The_memory_a_burst_left_behind_goes_back_to_the_system()
    {
        const int burstMegabytes = 256;
        var idleMemory = new IdleMemoryRelease(NullLogger<IdleMemoryRelease>.Instance);
        var burst = new List<byte[]>();
        for (var i = 0; i < burstMegabytes; i++)
            burst.Add(Touched(new byte[1 << 20]));
        idleMemory.NoteRequest();
        Assert.False(idleMemory.ReleaseIfIdle());
        var withBurst = Environment.WorkingSet;
        burst.Clear();

        Assert.True(idleMemory.ReleaseIfIdle());

        var returnedMegabytes = (withBurst - Environment.WorkingSet) >> 20;
        Assert.True(returnedMegabytes >= burstMegabytes / 2,
            $"The release returned {returnedMegabytes} MB of a {burstMegabytes} MB burst that was garbage.");
    }

    private static byte[] Touched(byte[] block)
    {
        for (var i = 0; i < block.Length; i += 4096)
            block[i] = 1;
        return block;
    }
}
