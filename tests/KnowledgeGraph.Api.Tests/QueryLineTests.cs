using System.Net;
using KnowledgeGraph.Api.GraphQL.Limits;
using KnowledgeGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// Queries past KG:Limits:MaxConcurrentQueries wait in line, and past MaxQueuedQueries are refused with SERVICE_BUSY;
/// refusals and mutations never wait in that line. A stats call held by the test keeps the one turn taken.
/// </summary>
public sealed class QueryLineTests
{
    private const string Stats = "{ stats { articles } }";

    private static ApiFactory Service(int queued) =>
        new ApiFactory { CountStoreCalls = true }
            .With("KG:Limits:MaxConcurrentQueries", "1")
            .With("KG:Limits:MaxQueuedQueries", queued.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Sends a stats query and returns once it holds the only turn (its store call has begun).</summary>
    private static async Task<Task<GraphQLResponse>> TakeTheTurnAsync(ApiFactory factory, TaskCompletionSource hold)
    {
        factory.Counter.StatsHold = hold;
        factory.Counter.Reset();
        var holder = factory.Client().QueryAsync(Stats);
        while (factory.Counter.Calls("GetStatsAsync") == 0)
        {
            Assert.False(holder.IsCompleted, "the held query finished early: " + (holder.IsCompleted ? holder.Result.Body.ToString() : ""));
            await Task.Delay(10);
        }
        return holder;
    }

    [Fact]
    public async Task With_the_line_full_a_query_is_refused_at_once_as_busy_and_the_turn_holder_finishes()
    {
        await using var factory = Service(queued: 0);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await TakeTheTurnAsync(factory, hold);

        var refused = await factory.Client().QueryAsync(Stats);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Contains("busy", refused.SingleError("SERVICE_BUSY"), StringComparison.OrdinalIgnoreCase);
        Assert.False(refused.HasData);

        hold.SetResult();
        (await holder).Ok();
        factory.Counter.StatsHold = null;
        (await factory.Client().QueryAsync(Stats)).Ok();
    }

    [Fact]
    public async Task A_query_past_the_limit_waits_for_the_turn_and_then_runs()
    {
        await using var factory = Service(queued: 1);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await TakeTheTurnAsync(factory, hold);

        var waiting = factory.Client().QueryAsync("{ entities(first: 1) { totalCount } }");
        var line = factory.Services.GetRequiredService<QueryExecutionGate>();
        while (line.Waiting == 0)
            await Task.Delay(10);
        var turnedAway = await factory.Client().QueryAsync(Stats);
        turnedAway.SingleError("SERVICE_BUSY");
        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, factory.Counter.Calls("SearchEntitiesAsync"));

        hold.SetResult();
        (await holder).Ok();
        Assert.Equal(0, (await waiting).Ok().GetProperty("entities").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Hostile_documents_and_mutations_do_not_wait_in_the_line()
    {
        await using var factory = Service(queued: 0);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await TakeTheTurnAsync(factory, hold);
        var client = factory.Client();

        (await client.QueryAsync(HostileQueries.Aliases(10_000))).SingleError("FIELD_SELECTION_LIMIT");
        (await client.QueryAsync(HostileQueries.Depth(100))).SingleError("MAX_DEPTH_EXCEEDED");
        (await client.QueryAsync(HostileQueries.Depth(20))).SingleError("COMPLEXITY");
        (await client.QueryAsync(HostileQueries.FragmentCycle)).SingleError("NO_FRAGMENT_CYCLES");
        var deleted = await factory.Client(ApiFactory.ApiKey).QueryAsync("mutation { deleteArticle(id: \"no-such-article\") }");
        deleted.SingleError("NOT_FOUND");
        Assert.False(holder.IsCompleted);

        hold.SetResult();
        (await holder).Ok();
    }
}
