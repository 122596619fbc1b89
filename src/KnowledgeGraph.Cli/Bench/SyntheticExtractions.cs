using System.Globalization;
using System.Text;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// Extraction results made up without any text, to measure the graph stores alone. Article i always holds the same
/// entities and relations for a seed. Entities are drawn with a skew (a few are in many articles, as big companies
/// are in the news), so the graph has hubs and a long tail like the real one.
/// </summary>
public sealed class SyntheticExtractions
{
    private static readonly string[] EntityTypes = ["Organization", "Person", "Product", "Location"];
    private static readonly string[] RelationTypes =
        ["INVESTED_IN", "PARTNERED_WITH", "COMPETES_WITH", "DEVELOPS", "WORKS_FOR", "ACQUIRED", "USES", "PART_OF", "FOUNDED"];
    private static readonly char[] NameCharacters = "微软谷歌英伟达阿里巴云腾讯百度字节跳动华为商汤旷视智谱月之暗面深求索科技数据能网络机器人芯片算法量子光年星河".Distinct().ToArray();
    private static readonly string[] Suffixes = ["Labs", "AI", "Robotics", "Cloud", "Systems", "Data", "Vision", "Networks"];

    private readonly int _entityPool;
    private readonly int _entitiesPerArticle;
    private readonly int _relationsPerArticle;
    private readonly int _seed;

    public SyntheticExtractions(int entityPool, int entitiesPerArticle, int relationsPerArticle, int seed)
    {
        if (entityPool < entitiesPerArticle) throw new ArgumentOutOfRangeException(nameof(entityPool), "the pool must hold at least one article's entities");
        if (entitiesPerArticle < 2) throw new ArgumentOutOfRangeException(nameof(entitiesPerArticle), "an article needs two entities for a relation");
        _entityPool = entityPool;
        _entitiesPerArticle = entitiesPerArticle;
        _relationsPerArticle = relationsPerArticle;
        _seed = seed;
    }

    public static string EntityId(int index) => $"{Prefix(index)}:syn-{index}";

    public string ChineseNameOf(int index) => ChineseName(index);

    public ExtractionResult Article(int index)
    {
        // Not HashCode.Combine: .NET randomises it per process, and runs must be comparable.
        var random = new Random(unchecked(_seed * 1_000_003 + index));
        var picked = new List<int>(_entitiesPerArticle);
        var chosen = new HashSet<int>();
        while (picked.Count < _entitiesPerArticle)
        {
            // u^1.5 piles the draws up at low indexes, so low-numbered entities become hubs.
            var candidate = (int)(_entityPool * Math.Pow(random.NextDouble(), 1.5));
            if (chosen.Add(candidate)) picked.Add(candidate);
        }

        var text = new StringBuilder();
        TextSpan Span(string sentence)
        {
            var start = text.Length;
            text.Append(sentence).Append('。');
            return new TextSpan(start, start + sentence.Length, sentence);
        }

        var entities = picked.Select(i => Entity(i, Span(ChineseName(i)))).ToList();
        var relations = new List<ExtractedRelation>(_relationsPerArticle);
        for (var r = 0; r < _relationsPerArticle; r++)
        {
            var subject = picked[random.Next(picked.Count)];
            var @object = picked[random.Next(picked.Count - 1)];
            if (@object == subject) @object = picked[^1];
            var type = RelationTypes[random.Next(RelationTypes.Length)];
            var sentence = Span($"{ChineseName(subject)}与{ChineseName(@object)}的{type}关系");
            var attributes = type == "INVESTED_IN"
                ? new RelationAttributes(Amount: random.Next(1, 500) * 1_000_000m, Currency: "CNY", Date: $"2024-{1 + random.Next(12):00}")
                : RelationAttributes.None;
            relations.Add(new ExtractedRelation(type, EntityId(subject), EntityId(@object), 0.5 + random.NextDouble() / 2, Span(sentence.Text), attributes));
        }

        var deals = relations.Where(r => r.Type == "INVESTED_IN")
            .Select(r => new ExtractedDeal("INVESTED_IN", [new DealParty(r.Subject, "investor"), new DealParty(r.Object, "investee")],
                r.Attributes.Amount, r.Attributes.Currency, null, r.Attributes.Date, r.Confidence, r.Evidence))
            .ToList();
        var body = text.ToString();
        var published = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(index);
        var info = new ArticleInfo("synthetic", ArticleIdentity.ContentHash(body + index.ToString(CultureInfo.InvariantCulture)),
            $"合成文章 {index}", $"https://synthetic.test/{_seed}/{index}", published);
        return new ExtractionResult(info, entities, relations, deals);
    }

    private static ExtractedEntity Entity(int index, TextSpan mention)
    {
        var chinese = ChineseName(index);
        var english = EnglishName(index);
        return new ExtractedEntity(EntityId(index), EntityTypes[index % EntityTypes.Length], english, chinese, [chinese, english], [mention]);
    }

    private static string Prefix(int index) => (index % EntityTypes.Length) switch
    {
        0 => "org",
        1 => "per",
        2 => "prod",
        _ => "loc",
    };

    /// <summary>Different for every index: the index's digits in base NameCharacters.Length, one character each, padded to two.</summary>
    private static string ChineseName(int index)
    {
        var name = new StringBuilder();
        var rest = index;
        do
        {
            name.Append(NameCharacters[rest % NameCharacters.Length]);
            rest /= NameCharacters.Length;
        } while (rest > 0);
        if (name.Length < 2) name.Append('号');
        return name.ToString();
    }

    private static string EnglishName(int index) =>
        $"Syn{index.ToString(CultureInfo.InvariantCulture)} {Suffixes[index / EntityTypes.Length % Suffixes.Length]}";
}
