using System.Runtime.InteropServices;
using KnowledgeGraph.Api.Diagnostics;

namespace KnowledgeGraph.Api.Tests;

public sealed class NativeArenaLimitTests
{
    private static readonly Func<string, string?> NothingSet = _ => null;

    private static bool GlibcPresent => OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out _);

    [Fact]
    public void Reaches_glibc_on_linux_and_leaves_other_systems_alone()
    {
        var expected = GlibcPresent
            ? NativeArenaLimitOutcome.Applied
            : NativeArenaLimitOutcome.NotGlibc;

        Assert.Equal(expected, NativeArenaLimit.Apply(NothingSet));
    }

    [Theory]
    [InlineData("MALLOC_ARENA_MAX", "4")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.arena_max=4")]
    public void A_count_the_user_set_stays(string variable, string value)
    {
        if (!OperatingSystem.IsLinux())
            return;

        Assert.Equal(NativeArenaLimitOutcome.LeftToUser, NativeArenaLimit.Apply(name => name == variable ? value : null));
    }

    [Fact]
    public void Other_glibc_tunables_do_not_stop_it()
    {
        if (!GlibcPresent)
            return;

        Assert.Equal(NativeArenaLimitOutcome.Applied, NativeArenaLimit.Apply(name => name == "GLIBC_TUNABLES" ? "glibc.malloc.tcache_count=0" : null));
    }
}
