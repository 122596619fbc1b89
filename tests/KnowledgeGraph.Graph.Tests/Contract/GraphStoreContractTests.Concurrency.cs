using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Tests.Contract;

public abstract partial class GraphStoreContractTests
{
    private const int Writers = 8;

    /// <summary>
    /// Article i states a few relations among well-known entities; which ones depends on i, so articles overlap in
    /// entities and relations, and the symmetric partnership is stated in both directions.
    /// </summary>
    private static TestArticle RaceArticle(int i)
    {
        var article = TestArticle.AtUrl($"https://news.test/race/{i}").WithMicrosoft().WithOpenAi().WithNvidia();
        var confidence = 0.5 + i * 0.01;
        article = i % 2 == 0
            ? article.Relation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi, confidence)
            : article.Relation("PARTNERED_WITH", Ids.OpenAi, Ids.Microsoft, confidence);
        if (i % 3 == 0) article = article.WithInflection().Relation("INVESTED_IN", Ids.Nvidia, Ids.Inflection, confidence);
        else article = article.Relation("INVESTED_IN", Ids.Nvidia, Ids.OpenAi, confidence);
        if (i % 2 == 0) article = article.WithAltman().Relation("WORKS_FOR", Ids.Altman, Ids.OpenAi, confidence);
        if (i % 4 == 0) article = article.WithGoogle().WithDeepMind().Relation("PART_OF", Ids.DeepMind, Ids.Google, confidence);
        if (i % 5 == 0) article = article.WithCopilot().Relation("DEVELOPS", Ids.Microsoft, Ids.Copilot, confidence);
        return article;
    }

    [Fact]
    public async Task Eight_writers_ingesting_overlapping_articles_at_once_create_no_duplicates()
    {
        const int articleCount = 24;
        var articles = Enumerable.Range(0, articleCount).Select(i => RaceArticle(i).Build()).ToList();
        // Each writer takes two thirds of the articles in its own order, so every article is written by several writers.
        var plans = Enumerable.Range(0, Writers).Select(w => articles.Where((_, i) => (i + w) % 3 != 0)
            .OrderBy(_ => Random.Shared.Next()).Chunk(2).ToList()).ToList();
        using var start = new ManualResetEventSlim();
        var writers = plans.Select(batches => Task.Run(async () =>
        {
            start.Wait();
            foreach (var batch in batches) await Store.IngestAsync(batch);
        })).ToList();
        start.Set();
        await Task.WhenAll(writers);

        var expectedRelations = articles.SelectMany(a => a.Relations.Select(r => (Key: RelationKeyOf(r), Article: ArticleIdentity.IdOf(a.Article))))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Article).Distinct().Count());
        var expectedEntities = articles.SelectMany(a => a.Entities.Select(e => e.Id)).Distinct().Order(StringComparer.Ordinal).ToList();

        var entities = await Search(null);
        Assert.Equal(expectedEntities, entities.Select(e => e.Id).Order(StringComparer.Ordinal));
        var relations = await Relations();
        Assert.Equal(relations.Count, relations.Select(r => r.Id).Distinct().Count());
        Assert.Equal(expectedRelations.Keys.Order(StringComparer.Ordinal),
            relations.Select(r => RelationKeyOf(r.Type, r.SubjectId, r.ObjectId)).Order(StringComparer.Ordinal));
        foreach (var relation in relations)
            Assert.Equal(expectedRelations[RelationKeyOf(relation.Type, relation.SubjectId, relation.ObjectId)], relation.EvidenceCount);
        var evidence = await Store.GetEvidenceAsync(relations.Select(r => r.Id).ToList());
        Assert.Equal(expectedRelations.Values.Sum(), evidence.Count);
        Assert.Equal(evidence.Count, evidence.Select(e => (e.RelationId, e.ArticleId, e.Sentence.Start)).Distinct().Count());
        foreach (var entity in entities)
            Assert.Equal(relations.Count(r => r.SubjectId == entity.Id || r.ObjectId == entity.Id), entity.Degree);
        var stats = await Store.GetStatsAsync(1);
        Assert.Equal(articleCount, stats.Articles);
        Assert.Equal(expectedEntities.Count, stats.EntitiesByType.Sum(c => c.Count));
        Assert.Equal(expectedRelations.Count, stats.RelationsByType.Sum(c => c.Count));

        var settled = await GraphDump.CanonicalAsync(Store);
        Assert.All(await Store.IngestAsync(articles), o => Assert.Equal(IngestStatus.Unchanged, o.Status));
        Assert.Equal(settled, await GraphDump.CanonicalAsync(Store));
    }

    private static string RelationKeyOf(ExtractedRelation relation) => RelationKeyOf(relation.Type, relation.Subject, relation.Object);

    /// <summary>Symmetric relations are one edge whichever way an article states them.</summary>
    private static string RelationKeyOf(string type, string subject, string @object) =>
        type == "PARTNERED_WITH" && string.CompareOrdinal(subject, @object) > 0 ? $"{type} {@object} {subject}" : $"{type} {subject} {@object}";
}
