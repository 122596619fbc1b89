using System.Net;
using KnowledgeGraph.Graph.Neo4j;
using KnowledgeGraph.Graph.Tests.Contract;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Tests.Neo4j;

/// <summary>What only the Neo4j adapter has: discovery, schema syntax per version, auth, retries, error codes, transactions.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jServerTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Discovery_on_the_real_3_1_server_finds_the_legacy_transaction_endpoint()
    {
        var store = new Neo4jGraphStore(Http, Neo4jTestServer.Options());

        var server = await store.ServerAsync();

        Assert.Equal("3.1.1", server.Version);
        Assert.Equal("/db/data/transaction/commit", server.CommitEndpoint.AbsolutePath);
        Assert.Equal(Neo4jTestServer.Uri.Port, server.CommitEndpoint.Port);
        Assert.False(server.UsesModernSchemaSyntax);
    }

    [Fact]
    public async Task The_3_x_schema_applies_and_applies_again_on_the_real_server()
    {
        var store = await Neo4jTestServer.FreshStoreAsync(Http);

        await store.InitializeAsync();

        var constraints = await new CypherClient(Http, Neo4jTestServer.Options())
            .RunAsync(new CypherStatement("CALL db.constraints()"), CancellationToken.None);
        Assert.Contains(constraints.Rows, r => r[0].GetString()!.Contains(":Entity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Discovery_on_a_5_x_server_uses_the_configured_database_and_the_modern_schema_syntax()
    {
        // The schema commands answer one row; the look for entities without search suffixes finds none.
        var handler = new FakeNeo4jHandler((request, body) => request.Method == HttpMethod.Get
            ? FakeNeo4jHandler.Json(FakeNeo4jHandler.Neo4j5Root)
            : FakeNeo4jHandler.Json(body.Contains("SUFFIX_OF", StringComparison.Ordinal) ? FakeNeo4jHandler.NoRows : FakeNeo4jHandler.OneResult));
        var store = new Neo4jGraphStore(new HttpClient(handler),
            new Neo4jGraphStoreOptions { Uri = new Uri("http://neo4j5.test:7474"), Database = "analytics" });

        await store.InitializeAsync();

        var server = await store.ServerAsync();
        Assert.Equal("5.26.0", server.Version);
        Assert.True(server.UsesModernSchemaSyntax);
        var posts = handler.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.Equal("/db/analytics/tx/commit", p.Path));
        Assert.Contains(posts, p => p.Body.Contains("IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE", StringComparison.Ordinal));
        Assert.DoesNotContain(posts, p => p.Body.Contains("ASSERT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auth_on_the_right_password_is_accepted()
    {
        var store = new Neo4jGraphStore(Http, Neo4jTestServer.AuthOptions());

        await store.InitializeAsync();

        Assert.True(await store.PingAsync());
        Assert.NotNull(await store.GetStatsAsync(1));
    }

    [Fact]
    public async Task Auth_on_a_wrong_password_fails_with_a_clear_error()
    {
        var store = new Neo4jGraphStore(Http, Neo4jTestServer.AuthOptions(password: "not-the-password"));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => store.InitializeAsync());

        Assert.Equal("Neo.ClientError.Security.Unauthorized", error.Code);
        Assert.Contains("Neo4j:Password", error.Message);
        Assert.False(await store.PingAsync());
    }

    [Fact]
    public async Task A_503_is_retried_and_the_call_then_succeeds()
    {
        var posts = 0;
        var handler = new FakeNeo4jHandler((request, _) =>
            request.Method == HttpMethod.Get ? FakeNeo4jHandler.Json(FakeNeo4jHandler.Neo4j5Root)
            : ++posts == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : FakeNeo4jHandler.Json(FakeNeo4jHandler.OneResult));
        var cypher = new CypherClient(new HttpClient(handler), FakeOptions());

        Assert.Equal(1, (await cypher.RunAsync(new CypherStatement("RETURN 1"), CancellationToken.None)).SingleLong());
        Assert.Equal(2, posts);
    }

    [Fact]
    public async Task A_ping_answers_at_once_without_retrying_so_health_checks_stay_quick()
    {
        var handler = new FakeNeo4jHandler((request, _) =>
            request.Method == HttpMethod.Get ? FakeNeo4jHandler.Json(FakeNeo4jHandler.Neo4j5Root)
            : new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var store = new Neo4jGraphStore(new HttpClient(handler), FakeOptions());

        Assert.False(await store.PingAsync());
        Assert.Single(handler.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task Retries_that_run_out_on_an_unavailable_server_say_the_store_is_unavailable()
    {
        var handler = new FakeNeo4jHandler((request, _) =>
            request.Method == HttpMethod.Get ? FakeNeo4jHandler.Json(FakeNeo4jHandler.Neo4j5Root)
            : new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var cypher = new CypherClient(new HttpClient(handler), FakeOptions());

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() =>
            cypher.RunAsync(new CypherStatement("RETURN 1"), CancellationToken.None));

        Assert.Contains("neo4j5.test", error.Message);
        Assert.Equal(4, handler.Requests.Count(r => r.Method == HttpMethod.Post));
    }

    [Fact]
    public async Task A_transient_Neo4j_error_is_retried()
    {
        var posts = 0;
        var handler = new FakeNeo4jHandler((request, _) =>
            request.Method == HttpMethod.Get ? FakeNeo4jHandler.Json(FakeNeo4jHandler.Neo4j5Root)
            : ++posts == 1 ? FakeNeo4jHandler.Json("""
                {"results":[],"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"deadlock"}]}
                """)
            : FakeNeo4jHandler.Json(FakeNeo4jHandler.OneResult));
        var cypher = new CypherClient(new HttpClient(handler), FakeOptions());

        Assert.Equal(1, (await cypher.RunAsync(new CypherStatement("RETURN 1"), CancellationToken.None)).SingleLong());
        Assert.Equal(2, posts);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_names_its_code()
    {
        var handler = new FakeNeo4jHandler((request, _) =>
            request.Method == HttpMethod.Get ? FakeNeo4jHandler.Json(FakeNeo4jHandler.Neo4j5Root)
            : FakeNeo4jHandler.Json("""
                {"results":[],"errors":[{"code":"Neo.ClientError.Schema.ConstraintValidationFailed","message":"already exists"}]}
                """));
        var store = new Neo4jGraphStore(new HttpClient(handler), FakeOptions());

        var error = await Assert.ThrowsAsync<Neo4jException>(() => store.InitializeAsync());

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", error.Code);
        Assert.Single(handler.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task A_Cypher_error_on_the_real_server_surfaces_its_code_and_message()
    {
        var cypher = new CypherClient(Http, Neo4jTestServer.Options());

        var error = await Assert.ThrowsAsync<Neo4jException>(() =>
            cypher.RunAsync(new CypherStatement("MATCH (n RETURN n"), CancellationToken.None));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Contains("Neo.ClientError.Statement.SyntaxError", error.Message);
        Assert.Contains("Invalid input", error.Message);
    }

    [Fact]
    public async Task A_failing_statement_rolls_back_the_whole_call()
    {
        await Neo4jTestServer.FreshStoreAsync(Http);
        var cypher = new CypherClient(Http, Neo4jTestServer.Options());

        await Assert.ThrowsAsync<Neo4jException>(() => cypher.RunAsync(
        [
            new("CREATE (:Probe {id: $id})", new Dictionary<string, object?> { ["id"] = "written first" }),
            new("RETURN 1 / $zero", new Dictionary<string, object?> { ["zero"] = 0 }),
        ], CancellationToken.None));

        var probes = await cypher.RunAsync(new CypherStatement("MATCH (p:Probe) RETURN count(p)"), CancellationToken.None);
        Assert.Equal(0, probes.SingleLong());
    }

    [Fact]
    public async Task An_ingest_batch_the_server_refuses_halfway_leaves_nothing_of_the_batch()
    {
        var store = await Neo4jTestServer.FreshStoreAsync(Http);
        var first = TestArticle.AtUrl("https://news.test/first").WithMicrosoft().WithOpenAi()
            .Relation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi);
        var second = TestArticle.AtUrl("https://news.test/second").WithMicrosoft().WithInflection()
            .Investment(Ids.Microsoft, Ids.Inflection, 1_000_000m);
        // A deal node squatting on the id the second article's deal will get makes the server refuse the batch
        // at its unique constraint, after the first article's statements have already run.
        await new CypherClient(Http, Neo4jTestServer.Options()).RunAsync(new CypherStatement(
            "CREATE (:Deal {id: $id, articleId: 'elsewhere'})",
            new Dictionary<string, object?> { ["id"] = second.Id + "/deal/0" }), CancellationToken.None);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => store.IngestAsync([first.Build(), second.Build()]));

        Assert.StartsWith("Neo.ClientError.Schema.ConstraintValidationFailed", error.Code);
        var stats = await store.GetStatsAsync(5);
        Assert.Equal(0, stats.Articles);
        Assert.Empty(stats.EntitiesByType);
        Assert.Empty(stats.RelationsByType);
    }

    [Fact]
    public async Task Connection_refused_is_retried_then_reported()
    {
        var closedPort = new Uri("http://127.0.0.1:9");
        var store = new Neo4jGraphStore(Http, new Neo4jGraphStoreOptions
        {
            Uri = closedPort, MaxRetryAttempts = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        });

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.InitializeAsync());
        Assert.Contains("127.0.0.1:9", error.Message);
        Assert.False(await store.PingAsync());
    }

    [Fact]
    public async Task Ids_and_text_that_look_like_Cypher_are_stored_literally()
    {
        var store = await Neo4jTestServer.FreshStoreAsync(Http);
        const string hostileId = "org:x'}) MATCH (n) DETACH DELETE n //";
        const string hostileName = "$ids }) RETURN 1 //";
        var article = TestArticle.AtUrl("https://news.test/{id: $id}")
            .Org(hostileId, hostileName, "微软\"}) DETACH DELETE n", hostileName)
            .WithMicrosoft()
            .Relation("COMPETES_WITH", hostileId, Ids.Microsoft, sentence: "'; MATCH (n) DETACH DELETE n; //");

        await store.IngestAsync([article.Build()]);

        var stored = Assert.Single(await store.GetEntitiesAsync([hostileId]));
        Assert.Equal(hostileName, stored.Name);
        Assert.Equal("微软\"}) DETACH DELETE n", stored.ChineseName);
        Assert.NotNull(Assert.Single(await store.GetEntitiesAsync([Ids.Microsoft])));
        Assert.Equal(2, (await store.GetStatsAsync(2)).EntitiesByType.Sum(c => c.Count));
        Assert.Equal(hostileId, (await store.SearchEntitiesAsync(new EntitySearch("$ids })"), new PageRequest())).Items.Single().Node.Id);
    }

    private static Neo4jGraphStoreOptions FakeOptions() => new()
    {
        Uri = new Uri("http://neo4j5.test:7474"), MaxRetryAttempts = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    };
}
