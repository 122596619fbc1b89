using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using KnowledgeGraph.Api.Diagnostics;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Requests_durations_and_error_codes_are_published_on_the_api_meter()
    {
        await using var factory = new ApiFactory();
        var client = factory.Client();
        var measured = new ConcurrentBag<(string Instrument, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ApiMetrics.MeterName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => measured.Add((instrument.Name, Describe(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => measured.Add((instrument.Name, Describe(tags))));
        listener.Start();

        (await client.QueryAsync("{ stats { articles } }")).Ok();
        (await client.QueryAsync("{ entity(id: \"org:nobody\") { id } }")).SingleError("NOT_FOUND");

        Assert.Contains(measured, m => m.Instrument == "kg.graphql.requests" && m.Tags.Contains("graphql.operation.type=query"));
        Assert.Contains(measured, m => m.Instrument == "kg.graphql.request.duration");
        Assert.Contains(measured, m => m.Instrument == "kg.graphql.errors" && m.Tags.Contains("error.code=NOT_FOUND"));
    }

    private static string Describe(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
            parts.Add($"{tag.Key}={tag.Value}");
        return string.Join(",", parts);
    }
}
