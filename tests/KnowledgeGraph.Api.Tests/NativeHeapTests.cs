using System.Runtime.InteropServices;
using KnowledgeGraph.Api.Diagnostics;

namespace KnowledgeGraph.Api.Tests;

public sealed class NativeHeapTests
{
    [Fact]
    public void Trims_through_glibc_on_linux_and_does_nothing_elsewhere()
    {
        var glibc = OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out _);

        Assert.Equal(glibc, NativeHeap.Trim());
        // A second call after the first found (or did not find) glibc answers the same.
        Assert.Equal(glibc, NativeHeap.Trim());
    }
}
