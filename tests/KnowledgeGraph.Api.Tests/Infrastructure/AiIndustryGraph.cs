using KnowledgeGraph.Model;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>
/// A small, known graph of 2023–2024 AI-industry news, stored through IGraphStore.IngestAsync exactly as an extractor
/// would report it, so the query side can be checked against answers worked out by hand.
/// </summary>
public static class AiIndustryGraph
{
    public const string MicrosoftId = "org:microsoft";
    public const string MicrosoftAi = "org:microsoft-ai";
    public const string OpenAi = "org:openai";
    public const string Amazon = "org:amazon";
    public const string Anthropic = "org:anthropic";
    public const string Google = "org:google";
    public const string Mistral = "org:mistral-ai";
    public const string A16z = "org:andreessen-horowitz";
    public const string Lightspeed = "org:lightspeed";
    public const string Nvidia = "org:nvidia";
    public const string Inflection = "org:inflection-ai";
    public const string DeepMind = "org:deepmind";
    public const string Altman = "per:sam-altman";
    public const string Amodei = "per:dario-amodei";
    public const string Mensch = "per:arthur-mensch";
    public const string Suleyman = "per:mustafa-suleyman";
    public const string Hoffman = "per:reid-hoffman";
    public const string Azure = "prod:azure";
    public const string Claude = "prod:claude";
    public const string Pi = "prod:pi";

    public static NewsArticle MicrosoftInvestsInOpenAi() =>
        new NewsArticle("https://news.test/2023/microsoft-openai", new DateTime(2023, 1, 24, 9, 15, 0), "微软宣布向OpenAI追加数十亿美元投资")
            .Entity(MicrosoftId, "Organization", "Microsoft", "微软", "微软公司")
            .Entity(OpenAi, "Organization", "OpenAI", null)
            .Entity(Altman, "Person", "Sam Altman", "山姆·奥特曼", "奥特曼")
            .Entity(Azure, "Product", "Azure", null)
            .Deal("INVESTED_IN", MicrosoftId, "investor", OpenAi, "investee", "微软将向OpenAI追加投资约100亿美元。",
                amount: 10_000_000_000m, currency: "USD", date: "2023-01")
            .Relation("WORKS_FOR", Altman, OpenAi, "OpenAI首席执行官山姆·奥特曼表示。", attributes: new RelationAttributes(Role: "首席执行官"))
            .Relation("DEVELOPS", MicrosoftId, Azure, "微软的云计算平台Azure。")
            .Relation("USES", OpenAi, Azure, "Azure将继续作为OpenAI的独家云服务提供商。");

    public static NewsArticle AmazonInvestsInAnthropic() =>
        new NewsArticle("https://news.test/2023/amazon-anthropic", new DateTime(2023, 9, 25, 21, 40, 0), "亚马逊将向Anthropic投资最高40亿美元")
            .Entity(Amazon, "Organization", "Amazon", "亚马逊")
            .Entity(Anthropic, "Organization", "Anthropic", null)
            .Entity(Amodei, "Person", "Dario Amodei", "达里奥·阿莫迪")
            .Entity(Claude, "Product", "Claude", null)
            .Entity(OpenAi, "Organization", "OpenAI", null)
            .Deal("INVESTED_IN", Amazon, "investor", Anthropic, "investee", "亚马逊将向Anthropic投资最高40亿美元。",
                amount: 4_000_000_000m, currency: "USD", date: "2023-09")
            .Relation("FOUNDED", Amodei, Anthropic, "Anthropic由达里奥·阿莫迪联合创立。")
            .Relation("DEVELOPS", Anthropic, Claude, "旗下产品包括聊天机器人Claude。")
            .Relation("COMPETES_WITH", Anthropic, OpenAi, "Anthropic是OpenAI最主要的竞争对手之一。", 0.8);

    public static NewsArticle GoogleInvestsInAnthropic() =>
        new NewsArticle("https://news.test/2023/google-anthropic", new DateTime(2023, 10, 28, 8, 5, 0), "谷歌同意向Anthropic投资20亿美元")
            .Entity(Google, "Organization", "Google", "谷歌")
            .Entity(Anthropic, "Organization", "Anthropic", null)
            .Deal("INVESTED_IN", Google, "investor", Anthropic, "investee", "谷歌已同意向Anthropic投资至多20亿美元。",
                amount: 2_000_000_000m, currency: "USD", date: "2023-10");

    public static NewsArticle MistralRaises() =>
        new NewsArticle("https://news.test/2023/mistral", new DateTime(2023, 12, 11, 16, 30, 0), "Mistral AI完成3.85亿欧元融资")
            .Entity(Mistral, "Organization", "Mistral AI", null, "Mistral")
            .Entity(A16z, "Organization", "Andreessen Horowitz", "安德森·霍洛维茨基金", "a16z")
            .Entity(Lightspeed, "Organization", "Lightspeed Venture Partners", "光速创投")
            .Entity(Nvidia, "Organization", "Nvidia", "英伟达", "NVIDIA")
            .Entity(Mensch, "Person", "Arthur Mensch", "阿瑟·门施")
            .Deal("INVESTED_IN", A16z, "investor", Mistral, "investee", "由安德森·霍洛维茨基金领投3.85亿欧元。",
                amount: 385_000_000m, currency: "EUR", date: "2023-12", lead: true)
            .Deal("INVESTED_IN", Lightspeed, "investor", Mistral, "investee", "光速创投跟投。",
                amount: 385_000_000m, currency: "EUR", date: "2023-12")
            .Deal("INVESTED_IN", Nvidia, "investor", Mistral, "investee", "英伟达也参与了本轮投资。", date: "2023-12")
            .Relation("FOUNDED", Mensch, Mistral, "Mistral AI由阿瑟·门施联合创立。");

    public static NewsArticle MicrosoftPartnersWithMistral() =>
        new NewsArticle("https://news.test/2024/microsoft-mistral", new DateTime(2024, 2, 27, 10, 20, 0), "微软与Mistral AI达成合作")
            .Entity(MicrosoftId, "Organization", "Microsoft", "微软")
            .Entity(Mistral, "Organization", "Mistral AI", null)
            .Entity(Azure, "Product", "Azure", null)
            .Deal("PARTNERED_WITH", MicrosoftId, "partner", Mistral, "partner", "微软宣布与Mistral AI建立多年合作伙伴关系。", date: "2024-02")
            .Deal("INVESTED_IN", MicrosoftId, "investor", Mistral, "investee", "微软将向Mistral AI投资1500万欧元。",
                amount: 15_000_000m, currency: "EUR", date: "2024-02")
            .Relation("USES", Mistral, Azure, "Mistral AI也将使用Azure的超级计算基础设施训练模型。");

    public static NewsArticle MicrosoftHiresInflectionTeam() =>
        new NewsArticle("https://news.test/2024/microsoft-inflection", new DateTime(2024, 3, 20, 7, 45, 0), "微软聘请苏莱曼领导Microsoft AI")
            .Entity(MicrosoftId, "Organization", "Microsoft", "微软")
            .Entity(MicrosoftAi, "Organization", "Microsoft AI", null)
            .Entity(Inflection, "Organization", "Inflection AI", null, "Inflection")
            .Entity(Suleyman, "Person", "Mustafa Suleyman", "穆斯塔法·苏莱曼", "苏莱曼")
            .Entity(Hoffman, "Person", "Reid Hoffman", "里德·霍夫曼")
            .Entity(DeepMind, "Organization", "DeepMind", null)
            .Entity(Nvidia, "Organization", "Nvidia", "英伟达")
            .Entity(Pi, "Product", "Pi", null)
            .Relation("JOINED", Suleyman, MicrosoftId, "穆斯塔法·苏莱曼将加入微软。")
            .Relation("WORKS_FOR", Suleyman, MicrosoftAi, "出任Microsoft AI的首席执行官。", attributes: new RelationAttributes(Role: "首席执行官"))
            .Relation("PART_OF", MicrosoftAi, MicrosoftId, "微软新成立的消费级人工智能部门Microsoft AI。")
            .Relation("FOUNDED", Suleyman, Inflection, "Inflection AI联合创始人穆斯塔法·苏莱曼。")
            .Relation("FOUNDED", Suleyman, DeepMind, "苏莱曼曾联合创立人工智能实验室DeepMind。")
            .Relation("FOUNDED", Hoffman, Inflection, "他与里德·霍夫曼共同创办了Inflection AI。")
            .Relation("DEVELOPS", Inflection, Pi, "公司推出了聊天机器人Pi。")
            .Deal("ACQUIHIRED", MicrosoftId, "acquirer", Inflection, "target", "公司大部分员工将随同加入微软。",
                amount: 650_000_000m, currency: "USD", date: "2024-03")
            .Deal("INVESTED_IN", MicrosoftId, "investor", Inflection, "investee", "Inflection AI完成13亿美元融资，由微软领投。",
                amount: 1_300_000_000m, currency: "USD", date: "2023", lead: true)
            .Deal("INVESTED_IN", Nvidia, "investor", Inflection, "investee", "英伟达参与投资。", date: "2023")
            .Deal("LICENSED_TO", Inflection, "licensor", MicrosoftId, "licensee", "大部分用于获得Inflection AI模型的授权许可。", date: "2024-03");

    public static IReadOnlyList<NewsArticle> All() =>
    [
        MicrosoftInvestsInOpenAi(), AmazonInvestsInAnthropic(), GoogleInvestsInAnthropic(),
        MistralRaises(), MicrosoftPartnersWithMistral(), MicrosoftHiresInflectionTeam(),
    ];

    public static IReadOnlyList<ExtractionResult> Extractions() => All().Select(a => a.Build()).ToList();
}
