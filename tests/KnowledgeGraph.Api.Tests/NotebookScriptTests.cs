using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Runs examples/notebook/deal_network.py (standard library only) against the service on a loopback port.</summary>
public sealed class NotebookScriptTests
{
    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, relative);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(relative + " not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task The_plain_python_script_draws_the_deal_network_of_the_running_service()
    {
        await using var service = await ServiceProcess.StartAsync(new ServiceLaunch(ServiceLaunch.Api)
        {
            Environment = new Dictionary<string, string> { ["KG__LoadSamples"] = "true" },
        }, TimeSpan.FromSeconds(90));
        var output = Directory.CreateTempSubdirectory("kg-notebook-").FullName;
        try
        {
            var start = new ProcessStartInfo("python3")
            {
                ArgumentList = { RepositoryFile("examples/notebook/deal_network.py"), "--url", service.BaseAddress.ToString(), "--search", "微软", "--output-dir", output },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var python = Process.Start(start)!;
            var stdout = python.StandardOutput.ReadToEndAsync();
            var stderr = python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            Assert.True(python.ExitCode == 0, $"exit {python.ExitCode}: {await stderr}");

            var summary = JsonDocument.Parse(await stdout).RootElement;
            Assert.Equal("org:microsoft", summary.GetProperty("focus").GetString());
            Assert.True(summary.GetProperty("neighbourhood").GetProperty("edges").GetInt32() > 0, summary.ToString());
            Assert.True(summary.GetProperty("deals").GetInt32() > 0, summary.ToString());
            Assert.Contains("INVESTED_IN", summary.GetProperty("dealKinds").EnumerateArray().Select(k => k.GetString()));

            var network = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "deal_network.json"))).RootElement;
            Assert.Equal(summary.GetProperty("network").GetProperty("links").GetInt32(), network.GetProperty("links").GetArrayLength());
            var svg = XDocument.Load(Path.Combine(output, "deal_network.svg"));
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(network.GetProperty("nodes").GetArrayLength(), svg.Descendants(ns + "circle").Count());
            Assert.Equal(network.GetProperty("links").GetArrayLength(), svg.Descendants(ns + "line").Count());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
