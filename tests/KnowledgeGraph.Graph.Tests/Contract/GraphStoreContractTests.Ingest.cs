using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Tests.Contract;

public abstract partial class GraphStoreContractTests
{
    [Fact]
    public async Task Ingest_reports_each_article_and_stores_its_entities_and_relations()
    {
        var outcomes = await Ingest(MicrosoftInvestsInInflection(), MicrosoftPartnersWithOpenAi());

        Assert.Equal([IngestStatus.Inserted, IngestStatus.Inserted], outcomes.Select(o => o.Status));
        Assert.Equal(MicrosoftInvestsInInflection().Id, outcomes[0].ArticleId);
        Assert.Equal(3, outcomes[0].Entities);
        Assert.Equal(3, outcomes[0].Relations);

        var microsoft = await Entity(Ids.Microsoft);
        Assert.NotNull(microsoft);
        Assert.Equal("Organization", microsoft.Type);
        Assert.Equal("Microsoft", microsoft.Name);
        Assert.Equal("微软", microsoft.ChineseName);
        Assert.Contains("微软公司", microsoft.Aliases);
        Assert.Equal(3, microsoft.Degree);
        Assert.Equal(5, (await Relations()).Count);
    }

    [Fact]
    public async Task Reingesting_the_same_article_changes_nothing()
    {
        await Ingest(MicrosoftInvestsInInflection(), MicrosoftPartnersWithOpenAi());
        var before = await Store.GetStatsAsync(10);
        var relationsBefore = await Relations();

        var outcomes = await Ingest(MicrosoftInvestsInInflection(), MicrosoftPartnersWithOpenAi());

        Assert.All(outcomes, o => Assert.Equal(IngestStatus.Unchanged, o.Status));
        var after = await Store.GetStatsAsync(10);
        Assert.Equal(before.Articles, after.Articles);
        Assert.Equal(before.Deals, after.Deals);
        Assert.Equal(before.EntitiesByType, after.EntitiesByType);
        Assert.Equal(before.RelationsByType, after.RelationsByType);
        Assert.Equal(relationsBefore, await Relations());
        Assert.All(await Relations(), r => Assert.Equal(1, r.EvidenceCount));
    }

    [Fact]
    public async Task Same_text_without_url_is_the_same_article()
    {
        var article = TestArticle.Text("微软投资Inflection").WithMicrosoft().WithInflection()
            .Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        await Ingest(article);
        var again = await Ingest(article);

        Assert.Equal(IngestStatus.Unchanged, Assert.Single(again).Status);
        Assert.Equal(1, (await Store.GetStatsAsync(1)).Articles);
    }

    [Fact]
    public async Task A_changed_article_at_the_same_url_replaces_only_its_own_contributions()
    {
        const string url = "https://news.test/changing";
        var original = TestArticle.AtUrl(url, "v1", new DateTime(2024, 3, 1))
            .Org(Ids.Microsoft, "Microsoft", "微软", "微软", "巨硬").WithInflection().WithSuleyman()
            .Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection)
            .Relation("WORKS_FOR", Ids.Suleyman, Ids.Inflection, attributes: new RelationAttributes(Role: "CEO"));
        var other = TestArticle.AtUrl("https://news.test/other", "v1", new DateTime(2024, 3, 2))
            .WithMicrosoft().WithInflection()
            .Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        await Ingest(original, other);

        var changed = TestArticle.AtUrl(url, "v2", new DateTime(2024, 3, 1))
            .WithMicrosoft().WithSuleyman()
            .Relation("JOINED", Ids.Suleyman, Ids.Microsoft);
        var outcome = Assert.Single(await Ingest(changed));

        Assert.Equal(IngestStatus.Replaced, outcome.Status);
        Assert.Equal(original.Id, outcome.ArticleId);
        var relations = await Relations();
        Assert.DoesNotContain(relations, r => r.Type == "WORKS_FOR");
        Assert.Equal(1, (await SingleRelation("INVESTED_IN", Ids.Microsoft, Ids.Inflection)).EvidenceCount);
        await SingleRelation("JOINED", Ids.Suleyman, Ids.Microsoft);
        Assert.NotNull(await Entity(Ids.Inflection));
        Assert.Equal(2, (await Store.GetStatsAsync(1)).Articles);
        Assert.DoesNotContain("巨硬", (await Entity(Ids.Microsoft))!.Aliases);
        Assert.Empty(await Search("巨硬"));
        var article = Assert.Single(await ReadAll(p => Store.FindArticlesAsync(new ArticleFilter(Ids.Suleyman), p)));
        Assert.Equal(changed.Build().Article.ContentHash, article.ContentHash);
    }

    [Fact]
    public async Task A_batch_with_an_invalid_article_stores_nothing_of_the_batch_and_names_the_problem()
    {
        await Ingest(MicrosoftPartnersWithOpenAi());
        var before = await Store.GetStatsAsync(10);
        var valid = MicrosoftInvestsInInflection();
        var invalid = TestArticle.AtUrl("https://news.test/broken").WithMicrosoft()
            .Relation("INVESTED_IN", "org:ghost-capital", Ids.Microsoft);

        var error = await Assert.ThrowsAsync<GraphQueryException>(() => Ingest(valid, invalid));

        Assert.Equal("INVALID_INPUT", error.Code);
        Assert.Contains("org:ghost-capital", error.Message);
        var after = await Store.GetStatsAsync(10);
        Assert.Equal(before.Articles, after.Articles);
        Assert.Equal(before.EntitiesByType, after.EntitiesByType);
        Assert.Equal(before.RelationsByType, after.RelationsByType);
        Assert.Null(await Entity(Ids.Inflection));
    }

    [Fact]
    public async Task Unknown_relation_types_and_deal_parties_are_refused()
    {
        var unknownType = TestArticle.AtUrl("https://news.test/unknown-type").WithMicrosoft().WithOpenAi()
            .Relation("LOVES", Ids.Microsoft, Ids.OpenAi);
        var unknownParty = TestArticle.AtUrl("https://news.test/unknown-party").WithMicrosoft()
            .Deal("ACQUIRED", [new DealParty(Ids.Microsoft, "acquirer"), new DealParty("org:nobody", "target")]);

        var typeError = await Assert.ThrowsAsync<GraphQueryException>(() => Ingest(unknownType));
        var partyError = await Assert.ThrowsAsync<GraphQueryException>(() => Ingest(unknownParty));

        Assert.Contains("LOVES", typeError.Message);
        Assert.Contains("org:nobody", partyError.Message);
        Assert.Equal(0, (await Store.GetStatsAsync(1)).Articles);
    }

    [Fact]
    public async Task Names_that_look_like_injection_are_stored_and_found_literally()
    {
        const string cypher = "'}) DETACH DELETE n //";
        const string sql = "\"; DROP TABLE entities; --";
        var article = TestArticle.AtUrl("https://news.test/'); DROP TABLE articles; --")
            .Org("org:cypher", cypher, null, cypher)
            .Org("org:sql", sql, null, sql, "Robert'); DROP TABLE relations;--")
            .WithMicrosoft()
            .Relation("COMPETES_WITH", "org:cypher", "org:sql", 0.5, sentence: "MATCH (n) DETACH DELETE n")
            .Relation("PARTNERED_WITH", "org:sql", Ids.Microsoft);
        await Ingest(article);

        Assert.Equal(cypher, (await Entity("org:cypher"))?.Name);
        Assert.Equal(sql, (await Entity("org:sql"))?.Name);
        Assert.Equal("org:cypher", Assert.Single(await Search(cypher)).Id);
        Assert.Equal("org:sql", (await Search(sql))[0].Id);
        Assert.Equal("org:sql", Assert.Single(await Search("robert'); drop")).Id);
        Assert.Equal(3, CountOf((await Store.GetStatsAsync(5)).EntitiesByType, "Organization"));
        Assert.Equal(2, (await Relations()).Count);
        var relation = await SingleRelation("COMPETES_WITH", "org:cypher", "org:sql");
        Assert.Equal("MATCH (n) DETACH DELETE n", Assert.Single(await Store.GetEvidenceAsync([relation.Id])).Sentence.Text);
        Assert.Equal("https://news.test/'); DROP TABLE articles; --", Assert.Single(await ReadAll(p => Store.FindArticlesAsync(new ArticleFilter(), p))).Url);
    }

    [Fact]
    public async Task Ping_answers_true_for_a_working_store()
    {
        Assert.True(await Store.PingAsync());
    }
}
