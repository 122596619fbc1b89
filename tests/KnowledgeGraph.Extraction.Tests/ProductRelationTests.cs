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
    // both parties of a launch joined by a verb of teaming up
    [InlineData("澜渊科技联手宁德时代发布了家用储能机器人Orbi。", "澜渊科技", "Orbi")]
    [InlineData("澜渊科技联手宁德时代发布了家用储能机器人Orbi。", "宁德时代", "Orbi")]
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
    public void A_product_the_lexicon_gives_its_maker_is_not_lifted_to_the_possessive_of_the_clause_before()
    {
        var result = fixture.Extract("今年春节后，字节跳动和腾讯都在加码AI。腾讯的元宝率先接入了Kimi，抖音商城也接入了DeepSeek-V3。");
        Assert.NotNull(result.Relation("USES", "腾讯", "Kimi"));
        Assert.NotNull(result.Relation("USES", "字节跳动", "DeepSeek-V3"));
        Assert.Null(result.Relation("USES", "腾讯", "DeepSeek-V3"));
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
    public void A_model_put_into_an_app_is_used_by_the_apps_owner_not_the_other_way_round()
    {
        var result = fixture.Extract("微软周二宣布，GPT-4o已接入Microsoft 365 Copilot，企业用户即日起可以调用。");
        Assert.True(result.Relation("USES", "微软", "GPT-4o") is not null, $"USES 微软→GPT-4o not in: {result.Describe()}");
        Assert.Null(result.Relation("USES", "OpenAI", "Microsoft 365 Copilot"));
    }

    [Fact]
    public void A_model_put_onto_a_cloud_is_used_by_the_cloud_but_a_device_taking_in_an_app_is_not()
    {
        var onCloud = fixture.Extract("深度求索去年底发布了DeepSeek-V3。今年以来，DeepSeek-V3等模型还上线了华为云，供科研用户调用。");
        Assert.True(onCloud.Relation("USES", "华为云", "DeepSeek-V3") is not null, $"USES 华为云→DeepSeek-V3 not in: {onCloud.Describe()}");
        var intoApp = fixture.Extract("澜渊科技推出了智能眼镜Lynx。Lynx接入了字节跳动的豆包大模型。");
        Assert.Null(intoApp.Relation("USES", "字节跳动", "Lynx"));
    }

    [Theory]
    [InlineData("极氪")]
    [InlineData("比亚迪")]
    [InlineData("蔚来")]
    public void A_robot_entering_companies_factories_is_used_by_each_of_them(string user)
    {
        var result = fixture.Extract("澜渊科技的人形机器人Lynx已先后进入极氪智慧工厂、比亚迪和蔚来等车企的总装车间，承担搬运和质检工作。");
        Assert.True(result.Relation("USES", user, "Lynx") is not null, $"USES {user}→Lynx not in: {result.Describe()}");
    }

    [Fact]
    public void A_description_of_a_model_passes_over_the_chip_named_nearer_before_it()
    {
        var result = fixture.Extract("澜渊科技发布了医疗模型Nova，训练全部在华为昇腾芯片上完成。瑞金医院已经部署了该模型。");
        Assert.True(result.Relation("USES", "瑞金医院", "Nova") is not null, $"USES 瑞金医院→Nova not in: {result.Describe()}");
        Assert.Null(result.Relation("USES", "瑞金医院", "昇腾"));
    }

    [Theory]
    [InlineData("极氪")]
    [InlineData("领克")]
    public void This_solution_points_back_to_the_solution_not_to_the_model_it_is_based_on(string user)
    {
        var result = fixture.Extract("澜渊科技推出了智驾方案Lynx，底层模型基于DeepSeek-R1。极氪和领克的新车型都将搭载这一方案。");
        Assert.True(result.Relation("USES", user, "Lynx") is not null, $"USES {user}→Lynx not in: {result.Describe()}");
    }

    [Fact]
    public void A_product_named_after_its_maker_is_the_same_product_without_the_makers_name()
    {
        var result = fixture.Extract("深度求索发布了推理模型DeepSeek-R1。海外云厂商迅速跟进：微软已将R1上线Azure AI Foundry平台。");
        Assert.NotNull(result.Relation("USES", "微软", "DeepSeek-R1"));
        Assert.Single(result.Entities, e => e.Aliases.Contains("R1") || e.Name == "R1");
    }

    [Theory]
    [InlineData("澜渊科技先后推出万亿参数的Nova语言大模型、多模态理解模型Vega，以及AI助手“Lynx”。", "澜渊科技", "Vega")]
    [InlineData("澜渊科技先后推出万亿参数的Nova语言大模型、多模态理解模型Vega，以及AI助手“Lynx”。", "澜渊科技", "Lynx")]
    [InlineData("澜渊科技宣布与华为联合打造的“Falcon”大模型算力平台正式启用。", "华为", "Falcon")]
    [InlineData("澜渊科技在年度峰会上宣布开源基于Iceberg的数据目录工具Nova。", "澜渊科技", "Nova")]
    public void Every_product_of_a_launch_list_is_the_makers(string sentence, string maker, string product)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("DEVELOPS", maker, product) is not null, $"DEVELOPS {maker}→{product} not in: {result.Describe()}");
        Assert.Null(result.Relation("DEVELOPS", maker, "Iceberg"));
    }

    [Fact]
    public void A_product_named_after_an_organization_of_the_article_is_its_and_its_use_is_lifted_to_it()
    {
        var result = fixture.Extract("Novacore成立于2022年。付费服务Novacore Pro的用户可以选择由OpenAI的GPT-4或Anthropic的Claude 2.1来生成回答。");
        Assert.NotNull(result.Relation("DEVELOPS", "Novacore", "Novacore Pro"));
        Assert.NotNull(result.Relation("USES", "Novacore", "GPT-4"));
        Assert.NotNull(result.Relation("USES", "Novacore", "Claude 2.1"));
    }

    [Theory]
    [InlineData("华为云、阿里云和澜渊科技相继上线了DeepSeek-R1和DeepSeek-V3模型服务。", "澜渊科技", "DeepSeek-V3")]
    [InlineData("华为云、阿里云和澜渊科技相继上线了DeepSeek-R1和DeepSeek-V3模型服务。", "华为云", "DeepSeek-R1")]
    [InlineData("澜渊科技与华为云联合推出了基于昇腾云服务的DeepSeek-R1推理服务。", "澜渊科技", "DeepSeek-R1")]
    [InlineData("英伟达的Orin芯片被澜渊科技、蔚来等车企的高端车型广泛采用。", "澜渊科技", "Orin")]
    [InlineData("作为双方合作的一部分，苹果将在iPhone上集成ChatGPT。", "苹果", "ChatGPT")]
    [InlineData("由G42与澜渊科技联合开发的阿拉伯语大模型Jais，也已登陆微软Azure。", "微软", "Jais")]
    [InlineData("澜渊科技今年从英伟达采购了约1万块H100。", "澜渊科技", "H100")]
    public void A_platform_taking_in_or_a_company_adopting_a_product_uses_it(string sentence, string user, string product)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("USES", user, product) is not null, $"USES {user}→{product} not in: {result.Describe()}");
    }

    [Fact]
    public void What_goes_onto_a_platform_does_not_use_it()
    {
        var result = fixture.Extract("Anthropic的Claude系列模型也上线了AWS的Amazon Bedrock平台，供企业客户调用。");
        Assert.Null(result.Relation("USES", "Anthropic", "Amazon Bedrock"));
        var integrated = fixture.Extract("苹果宣布与OpenAI达成合作，将后者的聊天机器人ChatGPT整合进Siri和写作工具中。");
        Assert.Null(integrated.Relation("USES", "OpenAI", "Siri"));
    }

    [Fact]
    public void A_platform_reached_through_is_used_by_the_one_reaching_it_not_by_its_owner_for_the_models()
    {
        var result = fixture.Extract("澜渊科技将通过谷歌云的Vertex AI平台调用Gemini Pro和图像生成模型Imagen 2。");
        Assert.NotNull(result.Relation("USES", "澜渊科技", "Vertex AI"));
        Assert.NotNull(result.Relation("USES", "澜渊科技", "Imagen 2"));
        Assert.Null(result.Relation("USES", "谷歌云", "Imagen 2"));
    }

    [Fact]
    public void A_platform_something_is_built_on_neither_makes_it_nor_buys_its_parts()
    {
        var result = fixture.Extract("Novacore同时宣布与谷歌云合作，在后者的平台上打造两台超级计算机Novacore-G4和Novacore-G5，分别采用英伟达H100和新一代GB200芯片。");
        Assert.Null(result.Relation("DEVELOPS", "谷歌云", "Novacore-G4"));
        Assert.Null(result.Relation("USES", "谷歌云", "H100"));
        Assert.NotNull(result.Relation("DEVELOPS", "Novacore", "Novacore-G4"));
        Assert.NotNull(result.Relation("USES", "Novacore", "GB200"));
    }

    [Theory]
    [InlineData("澜渊科技表示，将在下月上线Nova 2。", "澜渊科技", "Nova 2")]
    [InlineData("澜渊科技基于自研的Nova模型推出了智能客服产品。", "澜渊科技", "Nova")]
    public void Putting_out_or_building_on_its_own_product_is_no_use(string sentence, string organization, string product)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("USES", organization, product) is null, $"USES {organization}→{product} in: {result.Describe()}");
    }
}
