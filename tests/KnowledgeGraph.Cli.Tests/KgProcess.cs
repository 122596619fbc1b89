using System.Diagnostics;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>The CLI as a user runs it, in its own process (<c>dotnet exec kg.dll …</c>), both output streams captured.</summary>
internal static class KgProcess
{
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var kg = Path.Combine(AppContext.BaseDirectory, "kg.dll");
        Assert.True(File.Exists(kg), $"{kg} is missing: the test project must reference the Cli project");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(kg);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>Runs kg to its end and returns its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("could not start kg");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        return (process.ExitCode, await stdout, await stderr);
    }
}
