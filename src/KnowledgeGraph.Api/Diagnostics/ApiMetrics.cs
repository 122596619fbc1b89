using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KnowledgeGraph.Api.Diagnostics;

/// <summary>GraphQL request metrics on a System.Diagnostics.Metrics meter, which OpenTelemetry collects by its name.</summary>
public sealed class ApiMetrics
{
    public const string MeterName = "KnowledgeGraph.Api";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;

    public ApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("kg.graphql.requests", "{request}", "GraphQL requests answered");
        _errors = meter.CreateCounter<long>("kg.graphql.errors", "{error}", "GraphQL errors returned, by extensions.code");
        _duration = meter.CreateHistogram<double>("kg.graphql.request.duration", "s", "Time to answer a GraphQL request");
    }

    public void Record(string operationType, int statusCode, TimeSpan elapsed, IEnumerable<string> errorCodes)
    {
        var tags = new TagList { { "graphql.operation.type", operationType }, { "http.response.status_code", statusCode } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
        foreach (var code in errorCodes)
            _errors.Add(1, new KeyValuePair<string, object?>("error.code", code));
    }
}
