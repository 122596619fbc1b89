using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace KnowledgeGraph.Api.GraphQL.Limits;

/// <summary>
/// GraphQL.NET's parallel strategy for queries, entered through <see cref="QueryExecutionGate"/>. The executer calls a
/// strategy only after the document validated, so refusals never wait in line; the wait counts against the
/// execution time limit, which answers TIMEOUT when the line moves too slowly.
/// </summary>
public sealed class GatedQueryExecution(QueryExecutionGate gate) : ParallelExecutionStrategy
{
    public override async Task<ExecutionResult> ExecuteAsync(ExecutionContext context)
    {
        using var turn = await gate.EnterAsync(context.CancellationToken).ConfigureAwait(false)
            ?? throw GraphErrors.Error(QueryExecutionGate.Busy,
                $"The service is busy: {gate.QueueLimit} queries are already waiting to execute. Try again shortly.");
        return await base.ExecuteAsync(context).ConfigureAwait(false);
    }
}
