using System.Globalization;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// Extraction results made up without extraction, so that a graph of any size can be stored in minutes. Each article
/// brings <see cref="NewEntitiesPerArticle"/> new entities and mentions a few older ones, drawn with a bias towards
/// the oldest, so some entities become hubs as in real news; relations follow the ontology's subject and object types.
/// Names are CJK characters chosen at random (for search), plus an English name "Org 000042". The same seed gives the
/// same graph in every process (no HashCode, which is salted per process).
/// </summary>
public sealed class SyntheticGraph(int entities, int seed)
{
    public const int NewEntitiesPerArticle = 5;
    private const int OlderEntitiesPerArticle = 3;
    private const int RelationsPerArticle = 8;
    private const int NameAlphabet = 300;

    public int Entities { get; } = entities;

    public int Articles => (Entities + NewEntitiesPerArticle - 1) / NewEntitiesPerArticle;

    /// <summary>Entity i's id: the id alone says its type, so samples need no store lookup.</summary>
    public static string IdOf(int index) => $"syn:{TypeOf(index).ToLowerInvariant()}-{index:D7}";

    public static string TypeOf(int index) => (index % 10) switch
    {
        < 6 => "Organization",
        < 9 => "Person",
        _ => "Product",
    };

    /// <summary>The articles in order, in batches for the store.</summary>
    public IEnumerable<IReadOnlyList<ExtractionResult>> Batches(int articlesPerBatch)
    {
        var batch = new List<ExtractionResult>(articlesPerBatch);
        for (var article = 0; article < Articles; article++)
        {
            batch.Add(Article(article));
            if (batch.Count == articlesPerBatch)
            {
                yield return batch;
                batch = new List<ExtractionResult>(articlesPerBatch);
            }
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>The Chinese name of entity i, the same on every call (searches are drawn from these).</summary>
    public string ChineseNameOf(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) ^ (index * 7919 + 1)));
        return string.Concat(Enumerable.Range(0, 3).Select(_ => (char)(0x4E00 + random.Next(NameAlphabet))));
    }

    private ExtractionResult Article(int number)
    {
        var random = new Random(unchecked((seed * 104_729) + number));
        var firstNew = number * NewEntitiesPerArticle;
        var members = Enumerable.Range(firstNew, Math.Min(NewEntitiesPerArticle, Entities - firstNew)).ToList();
        for (var i = 0; i < OlderEntitiesPerArticle && firstNew > 0; i++)
            members.Add((int)(firstNew * Math.Pow(random.NextDouble(), 3)));
        members = [.. members.Distinct()];

        var sentence = new TextSpan(0, 12, $"合成文章{number}的一句话。");
        var relations = new List<ExtractedRelation>();
        var deals = new List<ExtractedDeal>();
        for (var i = 0; i < RelationsPerArticle; i++)
        {
            var subject = members[random.Next(members.Count)];
            var @object = members[random.Next(members.Count)];
            if (subject == @object || RelationBetween(TypeOf(subject), TypeOf(@object), random) is not { } type) continue;
            var amount = type == "INVESTED_IN" ? 1_000_000m * random.Next(1, 500) : (decimal?)null;
            relations.Add(new ExtractedRelation(type, IdOf(subject), IdOf(@object), 0.5 + random.NextDouble() / 2, sentence,
                new RelationAttributes(Amount: amount, Currency: amount is null ? null : "CNY", Date: DateOf(number))));
            if (amount is not null)
            {
                deals.Add(new ExtractedDeal(type, [new DealParty(IdOf(subject), "investor"), new DealParty(IdOf(@object), "investee")],
                    amount, "CNY", null, DateOf(number), 0.8, sentence));
            }
        }
        var info = new ArticleInfo($"synthetic/{number}.txt", $"synthetic-{seed}-{number}", $"合成文章{number}",
            $"https://synthetic.test/{seed}/{number}", new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(number));
        return new ExtractionResult(info, [.. members.Select(Entity)], relations, deals);
    }

    private ExtractedEntity Entity(int index)
    {
        var english = $"{TypeOf(index) switch { "Organization" => "Org", "Person" => "Person", _ => "Product" }} {index:D6}";
        var chinese = ChineseNameOf(index);
        return new ExtractedEntity(IdOf(index), TypeOf(index), english, chinese, [chinese, english], []);
    }

    private static string? RelationBetween(string subject, string @object, Random random) => (subject, @object) switch
    {
        ("Person", "Organization") => random.Next(3) == 0 ? "FOUNDED" : "WORKS_FOR",
        ("Organization", "Organization") => random.Next(3) switch { 0 => "INVESTED_IN", 1 => "PARTNERED_WITH", _ => "COMPETES_WITH" },
        ("Organization", "Product") => "DEVELOPS",
        _ => null,
    };

    private static string DateOf(int article) =>
        new DateTime(2020, 1, 1).AddHours(article).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
