namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// How unknown names are found and typed, and which look-alikes are not names. The names are invented so that
/// only the recognisers, not the lexicon, can find them.
/// </summary>
[Collection(PipelineCollection.Name)]
public class EntityRecognitionTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("英伟达还发布了Zentra推理微服务，供企业部署。", "Zentra", "Product")]
    [InlineData("该公司开发的Quorix网络芯片能够连接上万块GPU。", "Quorix", "Product")]
    [InlineData("华为推出名为Velmora的AI引擎。", "Velmora", "Product")]
    [InlineData("本轮融资由Harlow Capital领投。", "Harlow Capital", "Organization")]
    public void A_latin_name_takes_the_type_of_the_noun_it_modifies_or_its_own_ending(string sentence, string name, string type)
    {
        Assert.Equal(type, fixture.Extract(sentence).Entity(name).Type);
    }

    [Fact]
    public void A_version_of_a_known_model_is_a_product_of_its_own()
    {
        var result = fixture.Extract("月之暗面几乎同时发布了Kimi k1.5推理模型。百度今年10月发布的文心大模型4.0被称为最强版本。");
        Assert.Equal("Product", result.Entity("Kimi k1.5").Type);
        Assert.Equal("Product", result.Entity("文心大模型4.0").Type);
        Assert.False(result.HasEntity("Kimi"));
    }

    [Fact]
    public void A_hyphenated_model_name_starting_with_a_known_one_is_a_product()
    {
        var result = fixture.Extract("对标GPT-4的Qwen-Zeta输入价格大幅下调。");
        Assert.Equal("Product", result.Entity("Qwen-Zeta").Type);
    }

    [Theory]
    [InlineData("AMD Ventures和英伟达参与了本轮融资。", "AMD Ventures", "AMD")]
    [InlineData("腾讯、阿里巴巴和吉利资本共同参投。", "吉利资本", "Geely")]
    public void The_fund_of_a_known_company_is_another_organization(string sentence, string fund, string parent)
    {
        var result = fixture.Extract(sentence);
        Assert.Equal("Organization", result.Entity(fund).Type);
        Assert.DoesNotContain(result.Entities, e => e.Name == parent);
    }

    [Fact]
    public void A_known_platform_next_to_its_founders_is_the_company()
    {
        var result = fixture.Extract("Facebook联合创始人达斯汀·莫斯科维茨也参与了投资。");
        Assert.Equal("Organization", result.Entity("Facebook").Type);
    }

    [Theory]
    [InlineData("企业微信今年推出的企业微信AI助手已覆盖数万家企业。", "企业微信")]
    [InlineData("飞书上月发布了会议工具“飞书闪记”，面向中小团队。", "飞书")]
    public void A_known_platform_launching_a_product_named_after_it_is_its_company(string sentence, string platform)
    {
        var result = fixture.Extract(sentence);
        Assert.Equal("Organization", result.Entity(platform).Type);
    }

    [Theory]
    [InlineData("华为的智能助手小艺全面升级为小艺智能体。", "Celia")]
    [InlineData("不少企业在钉钉上推出了自己的审批应用，钉钉会议也随之普及。", "DingTalk")]
    public void A_known_platform_that_launches_nothing_named_after_it_stays_a_product(string sentence, string platform)
    {
        var result = fixture.Extract(sentence);
        Assert.Equal("Product", result.Entity(platform).Type);
    }

    [Fact]
    public void A_known_platform_with_its_president_is_the_company()
    {
        var result = fixture.Extract("钉钉总裁王明远在发布会上介绍了新版本。");
        Assert.Equal("Organization", result.Entity("钉钉").Type);
    }

    [Fact]
    public void An_unknown_name_listed_with_known_products_is_a_product()
    {
        var result = fixture.Extract("该助手已整合进Facebook、Instagram、WhatsApp和Zorbly。");
        Assert.Equal("Product", result.Entity("Zorbly").Type);
    }

    [Fact]
    public void One_unknown_name_keeps_one_type_in_an_article()
    {
        var result = fixture.Extract("初创公司Quillmark的三位创始人加入了亚马逊。与此同时，亚马逊获得了Quillmark机器人基础模型的许可。");
        var entity = Assert.Single(result.Entities, e => e.Name == "Quillmark");
        Assert.Equal("Organization", entity.Type);
    }

    [Theory]
    [InlineData("B200采用台积电定制的4NP工艺，片间带宽达每秒10TB。", "4NP")]
    [InlineData("B200采用台积电定制的4NP工艺，片间带宽达每秒10TB。", "10TB")]
    [InlineData("此次共推出通用模型pro、通用模型lite等多款模型。", "pro")]
    [InlineData("他是2017年论文《Attention Is All You Need》的作者之一。", "Attention Is All You Need")]
    [InlineData("该公司采用混合专家（MoE）架构。", "MoE")]
    [InlineData("他的博客文章《AI的下半场》（The Second Half）引发讨论。", "The Second Half")]
    [InlineData("他专注于大模型基础研究和AI for Science等方向。", "AI for Science")]
    [InlineData("这是首家获得中东资本支持的中国大模型公司。", "中东资本")]
    [InlineData("开源是让AI“民主化”的唯一方式。", "民主化")]
    [InlineData("据报道，苹果高管曾在内部讨论是否收购该公司。", "高管")]
    public void Quantities_terms_titles_and_emphasis_are_not_entities(string sentence, string phrase)
    {
        var result = fixture.Extract(sentence);
        Assert.DoesNotContain(result.Entities, e => e.Name == phrase || e.Aliases.Contains(phrase));
    }

    [Fact]
    public void A_hyphenated_transliteration_is_one_name()
    {
        var result = fixture.Extract("其负责人、副总裁艾哈迈德·阿尔-达赫勒（Ahmad Al-Dahle）向首席产品官汇报。");
        var person = Assert.Single(result.Entities, e => e.Type == "Person");
        Assert.Contains("艾哈迈德·阿尔-达赫勒", person.Aliases);
        Assert.Contains("Ahmad Al-Dahle", person.Aliases);
    }

    [Fact]
    public void Names_listed_after_a_founder_are_people_even_with_spellings_in_brackets()
    {
        var result = fixture.Extract("亚马逊聘请了联合创始人陈曦（Peter Chen）和段岩（Rocky Duan）。");
        Assert.Equal("Person", result.Entity("段岩").Type);
        Assert.Contains("Rocky Duan", result.Entity("段岩").Aliases);
    }

    [Fact]
    public void An_english_name_listed_after_a_person_is_a_person()
    {
        var result = fixture.Extract("该公司由纳文·拉奥（Naveen Rao）和Hanlin Tang等人共同创办。");
        Assert.Equal("Person", result.Entity("Hanlin Tang").Type);
    }

    [Fact]
    public void An_unknown_fund_made_of_characters_the_segmenter_splits_is_an_organization()
    {
        var result = fixture.Extract("由阿里巴巴领投，砺思资本、小红书跟投。");
        Assert.Equal("Organization", result.Entity("砺思资本").Type);
    }

    [Fact]
    public void An_english_division_name_with_a_chinese_ending_is_one_organization()
    {
        var result = fixture.Extract("腾讯新成立AI Infra部、AI Data部和数据计算平台部。");
        Assert.Equal("Organization", result.Entity("AI Infra部").Type);
        Assert.False(result.HasEntity("AI Infra"));
    }

    [Fact]
    public void Share_bars_and_related_links_are_page_furniture()
    {
        var result = fixture.Extract("英伟达发布了新芯片。\n相关阅读：\n· AMD发布MI350系列加速器\n分享到：微信 微博 QQ\n");
        Assert.False(result.HasEntity("WeChat"));
        Assert.False(result.HasEntity("AMD"));
    }
}
