using KnowledgeGraph.Graph.Sqlite;
using KnowledgeGraph.Model;

// Usage: CrashWriter <database file> <articles per batch>
// Writes batch after batch of synthetic articles and reports each step on stdout, so a test can kill it at any moment.
if (args.Length != 2 || !int.TryParse(args[1], out var batchSize) || batchSize < 1)
{
    Console.Error.WriteLine("usage: CrashWriter <database file> <articles per batch>");
    return 2;
}

await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = args[0] });
await store.InitializeAsync();
for (var batch = 0; ; batch++)
{
    var articles = Enumerable.Range(0, batchSize).Select(i => Article(batch, i)).ToList();
    Console.WriteLine($"writing {batch}");
    await store.IngestAsync(articles);
    Console.WriteLine($"committed {batch}");
}

static ExtractionResult Article(int batch, int index)
{
    var url = $"https://crash.test/{batch}/{index}";
    var company = $"org:c-{batch}-{index}";
    var product = $"prod:c-{batch}-{index}";
    TextSpan Span(int start, string text) => new(start, start + text.Length, text);
    return new ExtractionResult(
        new ArticleInfo("crash-writer", ArticleIdentity.ContentHash(url), $"Article {batch}/{index}", url, new DateTime(2024, 1, 1)),
        [
            new ExtractedEntity("org:hub", "Organization", "Hub Capital", "枢纽资本", ["Hub Capital"], [Span(0, "Hub Capital")]),
            new ExtractedEntity(company, "Organization", $"Company {batch} {index}", null, [$"Company {batch} {index}"], [Span(20, "Company")]),
            new ExtractedEntity(product, "Product", $"Product {batch} {index}", null, [$"Product {batch} {index}"], [Span(40, "Product")]),
        ],
        [
            new ExtractedRelation("INVESTED_IN", "org:hub", company, 0.9, Span(0, "Hub Capital invested"), new RelationAttributes(Amount: 1_000_000m, Currency: "USD")),
            new ExtractedRelation("DEVELOPS", company, product, 0.8, Span(20, "Company develops Product"), RelationAttributes.None),
        ],
        [
            new ExtractedDeal("INVESTED_IN", [new DealParty("org:hub", "investor"), new DealParty(company, "investee")],
                1_000_000m, "USD", null, "2024", 0.9, Span(0, "Hub Capital invested")),
        ]);
}
