namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// The clause-level fallback (ClauseTriggers): a trigger word and organizations in one clause, roles read from the
/// owner of a relational noun, a case word or the first party; comparisons, investments and lists of someone else's
/// rivals assert nothing.
/// </summary>
[Collection(PipelineCollection.Name)]
public class ClauseTriggerTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("澜渊科技去年就已经同英伟达在推理芯片上开展了多轮合作。", "澜渊科技", "英伟达")]
    [InlineData("与华为的合作一直是澜渊科技的重要支柱。", "华为", "澜渊科技")]
    [InlineData("亚马逊和微软都是澜渊科技的长期合作伙伴。", "亚马逊", "澜渊科技")]
    [InlineData("亚马逊和微软都是澜渊科技的长期合作伙伴。", "微软", "澜渊科技")]
    [InlineData("去年，澜渊科技携手腾讯在深圳启动了一个算力项目。", "澜渊科技", "腾讯")]
    public void A_partnership_in_a_clause_is_found(string sentence, string subject, string partner)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("PARTNERED_WITH", subject, partner) is not null, $"{subject}↔{partner} not in: {result.Describe()}");
    }

    [Theory]
    [InlineData("在推理芯片领域，英伟达和AMD都是澜渊科技的劲敌。", "澜渊科技", "AMD")]
    [InlineData("澜渊科技在大模型上仍然落后于谷歌、OpenAI等对手。", "澜渊科技", "OpenAI")]
    [InlineData("在企业市场，澜渊科技的直接对手包括微软，以及谷歌。", "澜渊科技", "谷歌")]
    public void A_rivalry_in_a_clause_is_found(string sentence, string subject, string rival)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("COMPETES_WITH", subject, rival) is not null, $"{subject}↔{rival} not in: {result.Describe()}");
    }

    [Fact]
    public void A_rival_named_by_a_relational_noun_stands_whatever_else_the_clause_says()
    {
        var result = fixture.Extract("腾讯去年收购了澜渊科技的老对手星衡智能。");
        Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", "星衡智能") is not null, result.Describe());
        Assert.Null(result.Relation("COMPETES_WITH", "腾讯", "澜渊科技"));
    }

    [Fact]
    public void A_list_of_rivals_goes_on_after_a_comma_with_also()
    {
        var result = fixture.Extract("在端侧模型上，澜渊科技的对手既有谷歌，也有阿里巴巴。");
        Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", "阿里巴巴") is not null, result.Describe());
    }

    [Fact]
    public void Rivals_listed_together_are_someone_elses_not_each_others()
    {
        var result = fixture.Extract("随着AMD、英特尔等对手加紧推出新芯片，市场正在变化。");
        Assert.Null(result.Relation("COMPETES_WITH", "AMD", "英特尔"));
    }

    [Theory]
    [InlineData("与谷歌相比，澜渊科技在竞争中的优势并不明显。", "COMPETES_WITH", "澜渊科技", "谷歌")]
    [InlineData("澜渊科技与红杉中国共同投资了一家机器人公司。", "PARTNERED_WITH", "澜渊科技", "红杉中国")]
    [InlineData("澜渊科技正在与腾讯洽谈合作。", "PARTNERED_WITH", "澜渊科技", "腾讯")]
    [InlineData("有消息称，澜渊科技将与腾讯展开合作。", "PARTNERED_WITH", "澜渊科技", "腾讯")]
    [InlineData("澜渊科技并未与腾讯合作。", "PARTNERED_WITH", "澜渊科技", "腾讯")]
    public void A_trigger_word_in_a_comparison_a_deal_or_a_rumour_asserts_nothing(string sentence, string type, string subject, string @object)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation(type, subject, @object) is null, $"{type} {subject}↔{@object} in: {result.Describe()}");
    }

    [Fact]
    public void A_person_between_the_parties_is_the_one_who_acts()
    {
        var result = fixture.Extract("前腾讯高管张伟将与其共同领导澜渊科技的新部门。");
        Assert.Null(result.Relation("PARTNERED_WITH", "腾讯", "澜渊科技"));
    }
}
