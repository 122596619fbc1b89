using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.GraphQL.Limits;

namespace KnowledgeGraph.Api.Tests;

public sealed class QueryExecutionGateTests
{
    private static QueryExecutionGate Gate(int concurrent, int queued) =>
        new(new QueryLimits { MaxConcurrentQueries = concurrent, MaxQueuedQueries = queued });

    [Fact]
    public async Task Past_the_limit_queries_wait_in_line_and_past_the_line_they_are_turned_away()
    {
        using var gate = Gate(concurrent: 1, queued: 1);
        var first = await gate.EnterAsync(CancellationToken.None);
        Assert.NotNull(first);

        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        Assert.Null(await gate.EnterAsync(CancellationToken.None));

        first.Dispose();
        var secondTurn = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(secondTurn);
        secondTurn.Dispose();
    }

    [Fact]
    public async Task The_line_is_served_in_arrival_order()
    {
        using var gate = Gate(concurrent: 1, queued: 3);
        var holder = await gate.EnterAsync(CancellationToken.None);
        var served = new List<int>();
        var waiting = Enumerable.Range(1, 3).Select(async n =>
        {
            using var turn = await gate.EnterAsync(CancellationToken.None);
            lock (served) served.Add(n);
        }).ToList();

        holder!.Dispose();
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2, 3], served);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_line_and_frees_its_place()
    {
        using var gate = Gate(concurrent: 1, queued: 1);
        var holder = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var abandoned = gate.EnterAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var next = gate.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted);

        holder!.Dispose();
        Assert.NotNull(await next.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_limit_of_zero_lets_every_query_through()
    {
        using var gate = Gate(concurrent: 0, queued: 0);
        var turns = new List<IDisposable?>();
        for (var i = 0; i < 100; i++)
            turns.Add(await gate.EnterAsync(CancellationToken.None));
        Assert.All(turns, Assert.NotNull);
    }
}
