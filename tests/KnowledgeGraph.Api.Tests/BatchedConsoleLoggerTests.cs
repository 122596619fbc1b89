using System.Text;
using KnowledgeGraph.Api.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Tests;

public sealed class BatchedConsoleLoggerTests
{
    [Fact]
    public void Lines_written_in_batches_all_arrive_in_order_once_disposed()
    {
        var output = new MemoryStream();
        var provider = CreateProvider(output, formatter: ConsoleFormatterNames.Simple);
        var logger = provider.CreateLogger("Requests");
        for (var i = 0; i < 500; i++)
            logger.LogInformation("request {Number} answered", i);
        provider.Dispose();

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n').Where(l => l.Contains("answered")).ToList();
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"request {i} answered"), lines.Select(l => l.Trim()));
    }

    [Fact]
    public void A_warning_is_written_before_Log_returns()
    {
        var output = new MemoryStream();
        using var provider = CreateProvider(output, formatter: ConsoleFormatterNames.Simple);
        provider.CreateLogger("Store").LogWarning("the store did not answer");

        Assert.Contains("the store did not answer", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void The_configured_formatter_writes_the_lines()
    {
        var output = new MemoryStream();
        var provider = CreateProvider(output, formatter: ConsoleFormatterNames.Json);
        provider.CreateLogger("Requests").LogInformation("GraphQL {Method} answered {StatusCode}", "POST", 200);
        provider.Dispose();

        var line = Encoding.UTF8.GetString(output.ToArray()).Trim();
        using var json = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal(200, json.RootElement.GetProperty("State").GetProperty("StatusCode").GetInt32());
        Assert.Equal("Requests", json.RootElement.GetProperty("Category").GetString());
    }

    private static BatchedConsoleLoggerProvider CreateProvider(Stream output, string formatter)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConsole(options => options.FormatterName = formatter))
            .BuildServiceProvider();
        return new BatchedConsoleLoggerProvider(
            services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(), services.GetServices<ConsoleFormatter>(), output);
    }
}
