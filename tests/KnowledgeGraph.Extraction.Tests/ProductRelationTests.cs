namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Who makes a product (DEVELOPS) and who uses, runs or offers it (USES).</summary>
[Collection(PipelineCollection.Name)]
public class ProductRelationTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("澜渊科技旗下的聊天机器人Nova今天正式上线。", "澜渊科技", "Nova")]
    [InlineData("业内普遍认为，OpenAI最新的GPT-4o在多项测试中领先。", "OpenAI", "GPT-4o")]
    [InlineData("H20是英伟达在出口管制升级后，专门为中国市场推出的特供版AI芯片。", "英伟达", "H20")]
    [InlineData("澜渊科技在北京举办年度大会，正式发布聊天机器人Nova。", "澜渊科技", "Nova")]
    [InlineData("澜渊科技成立于2021年，由前OpenAI研究员郑沐阳等人共同创立。今年6月推出Nova 2。", "澜渊科技", "Nova 2")]
    [InlineData("澜渊科技成立于2016年。公司目前的主要产品包括四足机器狗Lynx和Falcon，以及人形机器人Vega。", "澜渊科技", "Lynx")]
    [InlineData("澜渊科技成立于2016年。公司目前的主要产品包括四足机器狗Lynx和Falcon，以及人形机器人Vega。", "澜渊科技", "Falcon")]
    [InlineData("澜渊科技成立于2016年。公司目前的主要产品包括四足机器狗Lynx和Falcon，以及人形机器人Vega。", "澜渊科技", "Vega")]
    public void A_maker_is_found_for_its_product(string sentence, string maker, string product)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("DEVELOPS", maker, product) is not null, $"DEVELOPS {maker}→{product} not in: {result.Describe()}");
    }

    [Fact]
    public void A_makers_possessive_stands_in_a_speculating_sentence_while_the_speculated_use_does_not()
    {
        var result = fixture.Extract("澜渊科技未来可能会接入百度的聊天机器人Nova。");
        Assert.NotNull(result.Relation("DEVELOPS", "百度", "Nova"));
        Assert.Null(result.Relation("USES", "澜渊科技", "Nova"));
    }

    [Fact]
    public void A_launch_verb_inside_another_makers_relative_clause_gives_the_product_to_that_maker_only()
    {
        var result = fixture.Extract("分析人士认为，谷歌与推出Claude Code的Anthropic正展开激烈竞争。");
        Assert.Null(result.Relation("DEVELOPS", "谷歌", "Claude Code"));
        Assert.NotNull(result.Relation("DEVELOPS", "Anthropic", "Claude Code"));
    }

    [Fact]
    public void A_possessive_belongs_to_the_organization_next_to_the_product_not_to_the_list_before_it()
    {
        var result = fixture.Extract("谷歌云和微软Azure也宣布将引入Blackwell平台。");
        Assert.Null(result.Relation("DEVELOPS", "谷歌云", "Azure"));
        Assert.NotNull(result.Relation("USES", "谷歌云", "Blackwell"));
        Assert.NotNull(result.Relation("USES", "微软", "Blackwell"));
    }

    [Fact]
    public void What_a_product_is_based_on_is_used_not_developed()
    {
        var result = fixture.Extract("澜渊科技也已推出基于昇腾的AI云服务。");
        Assert.Null(result.Relation("DEVELOPS", "澜渊科技", "昇腾"));
        Assert.NotNull(result.Relation("USES", "澜渊科技", "昇腾"));
    }

    [Fact]
    public void The_maker_does_not_use_its_own_product()
    {
        var result = fixture.Extract("英伟达已在自己的数据中心部署了H100。");
        Assert.Null(result.Relation("USES", "英伟达", "H100"));
    }

    [Theory]
    [InlineData("澜渊科技的模型将运行在Azure的AI超算基础设施上。", "澜渊科技", "Azure")]
    [InlineData("澜渊科技将把其服务迁移到Azure。", "澜渊科技", "Azure")]
    [InlineData("根据协议，由微软Azure担任澜渊科技的独家云服务提供商。", "澜渊科技", "Azure")]
    [InlineData("Llama 3一经发布便登陆了谷歌云、微软Azure和澜渊科技等平台。", "微软", "Llama 3")]
    [InlineData("Llama 3一经发布便登陆了谷歌云、微软Azure和澜渊科技等平台。", "澜渊科技", "Llama 3")]
    [InlineData("微软表示，企业客户已经可以通过Azure调用OpenAI的GPT-4等模型。", "微软", "GPT-4")]
    [InlineData("xAI的聊天机器人Grok此前已深度集成于澜渊科技的平台。", "澜渊科技", "Grok")]
    [InlineData("澜渊科技还将借助微软的Azure云平台进行模型训练。", "澜渊科技", "Azure")]
    [InlineData("澜渊科技使用亚马逊自研的Trainium芯片训练下一代模型。", "澜渊科技", "Trainium")]
    public void A_user_is_found_for_what_it_runs_on_offers_or_calls(string sentence, string user, string product)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("USES", user, product) is not null, $"USES {user}→{product} not in: {result.Describe()}");
    }

    [Fact]
    public void Moving_away_from_a_platform_is_not_using_it()
    {
        var result = fixture.Extract("工程师坦言，从英伟达的CUDA迁移到华为的CANN软件栈需要不少适配工作。");
        Assert.Null(result.Relation("USES", "英伟达", "CANN"));
    }

    [Fact]
    public void A_company_anaphor_opening_a_later_sentence_continues_the_paragraphs_subject()
    {
        var result = fixture.Extract("澜渊科技成立于2021年，由Databricks联合创始人郑沐阳创立。今年7月，该公司又发布了AI浏览器Nova。");
        Assert.NotNull(result.Relation("DEVELOPS", "澜渊科技", "Nova"));
        Assert.Null(result.Relation("DEVELOPS", "Databricks", "Nova"));
    }

    [Fact]
    public void A_product_named_after_its_maker_is_the_same_product_without_the_makers_name()
    {
        var result = fixture.Extract("深度求索发布了推理模型DeepSeek-R1。海外云厂商迅速跟进：微软已将R1上线Azure AI Foundry平台。");
        Assert.NotNull(result.Relation("USES", "微软", "DeepSeek-R1"));
        Assert.Single(result.Entities, e => e.Aliases.Contains("R1") || e.Name == "R1");
    }
}
