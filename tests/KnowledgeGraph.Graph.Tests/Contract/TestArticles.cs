using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Tests.Contract;

/// <summary>
/// Builds synthetic extraction results so that contract tests read as the story they check.
/// Every entity gets a mention and every relation or deal its own evidence span, placed one after another.
/// </summary>
public sealed class TestArticle
{
    private readonly string _text;
    private readonly string? _url;
    private readonly DateTime? _publishedAt;
    private readonly string? _title;
    private readonly List<ExtractedEntity> _entities = [];
    private readonly List<ExtractedRelation> _relations = [];
    private readonly List<ExtractedDeal> _deals = [];
    private int _offset;

    private TestArticle(string text, string? url, DateTime? publishedAt, string? title)
    {
        _text = text;
        _url = url;
        _publishedAt = publishedAt;
        _title = title;
    }

    /// <summary>An article whose identity is its text (no URL); a different <paramref name="text"/> is a different article.</summary>
    public static TestArticle Text(string text, DateTime? publishedAt = null, string? title = null) =>
        new(text, null, publishedAt, title ?? text);

    /// <summary>An article identified by URL; the same URL with another <paramref name="version"/> is a changed article.</summary>
    public static TestArticle AtUrl(string url, string version = "v1", DateTime? publishedAt = null, string? title = null) =>
        new($"{url}#{version}", url, publishedAt, title ?? url);

    public TestArticle Entity(string id, string type, string name, string? chineseName = null, params string[] aliases)
    {
        var mention = NextSpan(chineseName ?? name);
        var allAliases = aliases.Length > 0 ? aliases : chineseName is null ? [name] : [name, chineseName];
        _entities.Add(new ExtractedEntity(id, type, name, chineseName, allAliases, [mention]));
        return this;
    }

    public TestArticle Org(string id, string name, string? chineseName = null, params string[] aliases) =>
        Entity(id, "Organization", name, chineseName, aliases);

    public TestArticle Person(string id, string name, string? chineseName = null, params string[] aliases) =>
        Entity(id, "Person", name, chineseName, aliases);

    public TestArticle Product(string id, string name, string? chineseName = null, params string[] aliases) =>
        Entity(id, "Product", name, chineseName, aliases);

    public TestArticle Relation(string type, string subject, string @object, double confidence = 0.8,
        RelationAttributes? attributes = null, string? sentence = null)
    {
        var evidence = NextSpan(sentence ?? $"{subject} {type} {@object}");
        _relations.Add(new ExtractedRelation(type, subject, @object, confidence, evidence, attributes ?? RelationAttributes.None));
        return this;
    }

    public TestArticle Deal(string kind, IReadOnlyList<DealParty> parties, decimal? amount = null, string? currency = null,
        string? date = null, double confidence = 0.8, string? round = null)
    {
        var evidence = NextSpan($"{kind} deal {string.Join(",", parties.Select(p => p.EntityId))}");
        _deals.Add(new ExtractedDeal(kind, parties, amount, currency, round, date, confidence, evidence));
        return this;
    }

    /// <summary>An INVESTED_IN relation together with its deal, as the extractor reports it.</summary>
    public TestArticle Investment(string investor, string investee, decimal? amount = null, string? date = null,
        double confidence = 0.8, string currency = "USD")
    {
        Relation("INVESTED_IN", investor, investee, confidence,
            new RelationAttributes(Amount: amount, Currency: amount is null ? null : currency, Date: date));
        return Deal("INVESTED_IN", [new DealParty(investor, "investor"), new DealParty(investee, "investee")],
            amount, amount is null ? null : currency, date, confidence);
    }

    public ExtractionResult Build()
    {
        var article = new ArticleInfo("test", ArticleIdentity.ContentHash(_text), _title, _url, _publishedAt);
        return new ExtractionResult(article, [.. _entities], [.. _relations], [.. _deals]);
    }

    public string Id => ArticleIdentity.IdOf(Build().Article);

    private TextSpan NextSpan(string text)
    {
        var span = new TextSpan(_offset, _offset + text.EnumerateRunes().Count(), text);
        _offset = span.End + 1;
        return span;
    }
}

/// <summary>Well-known test entities, so that tests name the same things the same way.</summary>
public static class Ids
{
    public const string Microsoft = "org:microsoft";
    public const string Inflection = "org:inflection-ai";
    public const string OpenAi = "org:openai";
    public const string Google = "org:google";
    public const string DeepMind = "org:deepmind";
    public const string Nvidia = "org:nvidia";
    public const string Suleyman = "per:mustafa-suleyman";
    public const string Altman = "per:sam-altman";
    public const string Copilot = "prod:copilot";

    public static TestArticle WithMicrosoft(this TestArticle a) => a.Org(Microsoft, "Microsoft", "微软", "微软", "Microsoft", "微软公司");
    public static TestArticle WithInflection(this TestArticle a) => a.Org(Inflection, "Inflection AI", null, "Inflection AI", "Inflection");
    public static TestArticle WithOpenAi(this TestArticle a) => a.Org(OpenAi, "OpenAI", null, "OpenAI");
    public static TestArticle WithGoogle(this TestArticle a) => a.Org(Google, "Google", "谷歌", "谷歌", "Google");
    public static TestArticle WithDeepMind(this TestArticle a) => a.Org(DeepMind, "DeepMind", null, "DeepMind");
    public static TestArticle WithNvidia(this TestArticle a) => a.Org(Nvidia, "Nvidia", "英伟达", "英伟达", "Nvidia", "NVIDIA");
    public static TestArticle WithSuleyman(this TestArticle a) => a.Person(Suleyman, "Mustafa Suleyman", "苏莱曼", "苏莱曼", "穆斯塔法·苏莱曼", "Mustafa Suleyman");
    public static TestArticle WithAltman(this TestArticle a) => a.Person(Altman, "Sam Altman", "奥特曼", "奥特曼", "山姆·奥特曼", "Sam Altman");
    public static TestArticle WithCopilot(this TestArticle a) => a.Product(Copilot, "Copilot", null, "Copilot", "Microsoft Copilot");
}
