namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Subjects left out of a clause or sentence, lists of co-investors, and the constructions around them.</summary>
[Collection(PipelineCollection.Name)]
public class ClauseTopicTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("ACQUIRED", "英伟达", "澜渊科技", "澜渊科技成立于2019年，2023年被英伟达收购。")]
    [InlineData("DEVELOPS", "澜渊科技", "星河", "澜渊科技成立于2019年。此后又发布了《星河》大模型。")]
    [InlineData("PARTNERED_WITH", "澜渊科技", "华为", "澜渊科技当天发布了新一代推理芯片，并与华为达成战略合作。")]
    [InlineData("JOINED", "苏莱曼", "微软", "苏莱曼在谷歌工作了多年，去年加入了微软。")]
    public void A_clause_without_a_subject_takes_the_topic_of_the_clauses_before_it(string type, string subject, string @object, string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation(type, subject, @object) is not null, $"{type} {subject}→{@object} not in: {result.Describe()}");
    }

    [Fact]
    public void The_topic_is_the_subject_not_the_organization_named_last()
    {
        var result = fixture.Extract("微软旗下的研究部门微软研究院当天宣布，将扩大团队规模，并与英伟达联合打造一台超级计算机。");
        Assert.NotNull(result.Relation("PARTNERED_WITH", "微软研究院", "英伟达"));
    }

    [Theory]
    [InlineData("郑沐阳毕业于清华大学，他的导师随后加入了百度。", "JOINED", "郑沐阳", "百度")]
    [InlineData("澜渊科技成立于2019年。分析人士认为，这款芯片随后被英伟达收购。", "ACQUIRED", "英伟达", "澜渊科技")]
    [InlineData("澜渊科技成立于2019年，据传或将被英伟达收购。", "ACQUIRED", "英伟达", "澜渊科技")]
    [InlineData("澜渊科技发布了新芯片。\n\n随后被英伟达收购。", "ACQUIRED", "英伟达", "澜渊科技")]
    public void The_topic_is_not_carried_past_another_subject_a_rumour_or_a_paragraph(string text, string type, string subject, string @object)
    {
        var result = fixture.Extract(text);
        Assert.Null(result.Relation(type, subject, @object));
    }

    [Fact]
    public void A_pattern_still_reaches_across_a_carried_topic_to_the_subject_named_before_it()
    {
        var result = fixture.Extract("2023年，杨植麟从谷歌离开并创立了月之暗面，开发大模型并推出智能助手Kimi。");
        Assert.True(result.Relation("DEVELOPS", "月之暗面", "Kimi") is not null, result.Describe());
    }

    [Fact]
    public void Every_co_investor_after_the_lead_invests_in_the_topic_company()
    {
        var result = fixture.Extract("澜渊科技宣布完成5亿元B轮融资。本轮由腾讯领投，阿里巴巴、华为等现有股东跟投。");
        var lead = result.Relation("INVESTED_IN", "腾讯", "澜渊科技");
        Assert.True(lead is not null, result.Describe());
        Assert.True(lead!.Attributes.Lead);
        Assert.NotNull(result.Relation("INVESTED_IN", "阿里巴巴", "澜渊科技"));
        Assert.NotNull(result.Relation("INVESTED_IN", "华为", "澜渊科技"));
    }

    [Fact]
    public void A_clause_without_a_predicate_keeps_the_topic_for_the_clauses_after_it()
    {
        var result = fixture.Extract("澜渊科技融资20亿元，估值300亿元，由腾讯领投，阿里巴巴和华为参投。");
        foreach (var investor in new[] { "腾讯", "阿里巴巴", "华为" })
            Assert.True(result.Relation("INVESTED_IN", investor, "澜渊科技") is not null, $"{investor}: {result.Describe()}");
    }

    [Fact]
    public void Money_raised_from_a_list_of_backers_is_an_investment_by_each()
    {
        var result = fixture.Extract("澜渊科技先后从腾讯、阿里巴巴等投资方筹集了超过5亿元。");
        Assert.NotNull(result.Relation("INVESTED_IN", "腾讯", "澜渊科技"));
        Assert.NotNull(result.Relation("INVESTED_IN", "阿里巴巴", "澜渊科技"));
    }

    [Fact]
    public void The_investor_is_the_company_not_its_chief_executive_named_after_it()
    {
        var result = fixture.Extract("澜渊科技最大的投资方微软的首席执行官纳德拉宣布了这一消息。");
        Assert.NotNull(result.Relation("INVESTED_IN", "微软", "澜渊科技"));
        Assert.Null(result.Relation("INVESTED_IN", "纳德拉", "澜渊科技"));
    }

    [Theory]
    [InlineData("USES", "腾讯", "H20", "腾讯和阿里巴巴是H20在中国的主要买家。")]
    [InlineData("USES", "阿里巴巴", "H20", "腾讯和阿里巴巴是H20在中国的主要买家。")]
    [InlineData("PARTNERED_WITH", "澜渊科技", "华为", "澜渊科技与华为联合打造了一款推理芯片。")]
    [InlineData("ACQUIRED", "英伟达", "澜渊科技", "英伟达以7亿美元完成对上海芯片企业澜渊科技的收购。")]
    public void Generic_constructions_around_the_trigger(string type, string subject, string @object, string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation(type, subject, @object) is not null, $"{type} {subject}→{@object} not in: {result.Describe()}");
    }
}
