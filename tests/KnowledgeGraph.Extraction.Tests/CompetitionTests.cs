namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Rivalry (COMPETES_WITH): who is set against whom in lists, faced rivals and named rivals.</summary>
[Collection(PipelineCollection.Name)]
public class CompetitionTests(PipelineFixture fixture)
{
    [Fact]
    public void A_list_after_with_sets_the_subject_against_each_not_the_list_against_itself()
    {
        var result = fixture.Extract("作为业内所称的“六小龙”之一，澜渊科技与智谱AI、月之暗面、MiniMax和阶跃星辰同台竞争。");
        foreach (var rival in new[] { "智谱AI", "月之暗面", "MiniMax", "阶跃星辰" })
            Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", rival) is not null, $"澜渊科技↔{rival} not in: {result.Describe()}");
        Assert.Null(result.Relation("COMPETES_WITH", "月之暗面", "MiniMax"));
        Assert.Null(result.Relation("COMPETES_WITH", "MiniMax", "阶跃星辰"));
    }

    [Fact]
    public void A_list_with_commas_before_with_is_every_one_against_every_other()
    {
        var result = fixture.Extract("分析人士认为，OpenAI、谷歌与澜渊科技正展开激烈竞争。");
        Assert.NotNull(result.Relation("COMPETES_WITH", "OpenAI", "谷歌"));
        Assert.NotNull(result.Relation("COMPETES_WITH", "谷歌", "澜渊科技"));
    }

    [Fact]
    public void Rivals_faced_are_the_subjects_rivals_not_each_others()
    {
        var result = fixture.Extract("年报写道，在AI产品领域，澜渊科技面临来自Anthropic、OpenAI、Meta等公司的竞争。");
        Assert.NotNull(result.Relation("COMPETES_WITH", "澜渊科技", "Anthropic"));
        Assert.NotNull(result.Relation("COMPETES_WITH", "澜渊科技", "Meta"));
        Assert.Null(result.Relation("COMPETES_WITH", "Anthropic", "OpenAI"));
    }

    [Theory]
    [InlineData("澜渊科技面临来自Runway以及OpenAI旗下Sora的竞争。", "澜渊科技", "OpenAI")]
    [InlineData("在高阶智驾芯片市场，澜渊科技的主要对手是英伟达。", "澜渊科技", "英伟达")]
    [InlineData("这一消息也让澜渊科技的老对手Snowflake倍感压力。", "澜渊科技", "Snowflake")]
    [InlineData("澜渊科技一直与Anysphere旗下的Cursor激烈竞争。", "澜渊科技", "Anysphere")]
    [InlineData("澜渊科技被普遍视为OpenAI在这一领域最直接的竞争对手。", "澜渊科技", "OpenAI")]
    [InlineData("华为的昇腾正在与英伟达在国内AI芯片市场展开正面竞争。", "华为", "英伟达")]
    [InlineData("与智谱、月之暗面等同被称为“六小虎”的对手相比，澜渊科技更早押注多模态路线。", "澜渊科技", "月之暗面")]
    [InlineData("澜渊科技的新模型Nova对OpenAI构成了直接威胁。", "澜渊科技", "OpenAI")]
    [InlineData("澜渊科技主打企业私有化部署，与OpenAI在企业市场正面竞争。", "澜渊科技", "OpenAI")]
    [InlineData("澜渊科技把英伟达视为主要对手，同时在国内与另一家芯片公司寒武纪竞争。", "澜渊科技", "寒武纪")]
    // ties27: a rival described by a clause naming another organization or product, or by its place, before 的
    [InlineData("澜渊科技的主要对手包括获英伟达投资的CoreWeave。", "澜渊科技", "CoreWeave")]
    [InlineData("澜渊科技的主要对手是Zapier，以及被微软收购的Mistral AI。", "澜渊科技", "Mistral AI")]
    [InlineData("澜渊科技的主要对手包括Mistral AI以及推出Gemma系列开源模型的谷歌。", "澜渊科技", "谷歌")]
    public void A_stated_rival_is_found(string sentence, string subject, string rival)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("COMPETES_WITH", subject, rival) is not null, $"{subject}↔{rival} not in: {result.Describe()}");
    }

    [Fact]
    public void One_regarded_as_the_rival_of_products_competes_with_their_makers()
    {
        var result = fixture.Extract("在AI智能体赛道，澜渊科技此前被视为OpenAI的Operator以及谷歌Gemini的直接竞争对手。");
        Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", "OpenAI") is not null, result.Describe());
        Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", "谷歌") is not null, result.Describe());
    }

    [Fact]
    public void Competitiveness_compared_is_no_rivalry()
    {
        var result = fixture.Extract("澜渊科技的模型与OpenAI相比竞争力仍然较弱。");
        Assert.Null(result.Relation("COMPETES_WITH", "澜渊科技", "OpenAI"));
    }

    [Fact]
    public void Rivals_enumerated_after_a_colon_are_each_the_subjects()
    {
        var result = fixture.Extract("在AI视频赛道，澜渊科技的对手不少：OpenAI在去年开放了Sora，谷歌推出了Veo 2，国内则有字节跳动的即梦等产品。");
        foreach (var rival in new[] { "OpenAI", "谷歌", "字节跳动" })
            Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", rival) is not null, $"澜渊科技↔{rival} not in: {result.Describe()}");
        Assert.Null(result.Relation("COMPETES_WITH", "OpenAI", "谷歌"));
    }

    [Fact]
    public void A_paragraph_that_opens_with_with_sets_no_earlier_paragraphs_company_against_the_rival()
    {
        // A line break between them: within one paragraph another row still pairs the two (a known false hit).
        var result = fixture.Extract("谷歌同样是澜渊科技的股东。\n与OpenAI的竞争也在加剧。");
        Assert.Null(result.Relation("COMPETES_WITH", "谷歌", "OpenAI"));
    }
}
