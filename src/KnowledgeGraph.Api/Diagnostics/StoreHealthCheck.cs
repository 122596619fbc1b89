using KnowledgeGraph.Graph;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeGraph.Api.Diagnostics;

/// <summary>
/// Pings the store once, without retries and within <see cref="Timeout"/>. A store that does not answer makes the
/// service Degraded rather than Unhealthy: the process is fine and recovers by itself when the store returns, so it
/// must not be restarted, only told apart from a healthy one.
/// </summary>
public sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private const string DownMessage =
        "The graph store does not answer; queries and ingests fail until it returns, and the service recovers on its own.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            return await store.PingAsync(deadline.Token)
                ? HealthCheckResult.Healthy("The graph store answers.")
                : HealthCheckResult.Degraded(DownMessage);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"The graph store did not answer within {Timeout.TotalSeconds:F0} s; the service recovers on its own when it does.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The exception stays in the server log; its message may name internal addresses, so the response does not carry it.
            return HealthCheckResult.Degraded(DownMessage, error);
        }
    }
}
