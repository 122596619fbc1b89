namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// How far a hedge (有望, 传闻, 或将) reaches: over the clauses that go on with what it foresees, not past a clause where the
/// two parties speak for themselves, a denier states what holds, or a contrast.
/// </summary>
[Collection(PipelineCollection.Name)]
public class HedgeReachTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("券商普遍认为，澜渊科技有望超过Snowflake，两家公司在数据仓库市场正面竞争。", "COMPETES_WITH")]
    [InlineData("业内人士认为，澜渊科技有望赶上Snowflake，双方在金融客户上也有合作。", "PARTNERED_WITH")]
    public void A_clause_of_the_two_parties_after_a_hedged_one_is_asserted(string text, string type)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation(type, "澜渊科技", "Snowflake") is not null,
            $"澜渊科技↔Snowflake not in: {result.Describe()}");
    }

    [Fact]
    public void The_pair_is_the_two_of_the_clause_before_not_one_named_earlier_in_the_sentence()
    {
        var result = fixture.Extract("拿下亚马逊的订单后，券商认为澜渊科技有望超过Snowflake，两家公司在数据仓库市场正面竞争。");
        Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", "Snowflake") is not null,
            $"澜渊科技↔Snowflake not in: {result.Describe()}");
        Assert.Null(result.Relation("COMPETES_WITH", "亚马逊", "澜渊科技"));
    }

    [Fact]
    public void The_deniers_statement_after_a_refuted_rumour_is_asserted()
    {
        var result = fixture.Extract("坊间传闻高盛有意入股澜渊科技，对此该行明确否认，称双方仅为技术合作关系。");
        Assert.True(result.Relation("PARTNERED_WITH", "高盛", "澜渊科技") is not null,
            $"高盛↔澜渊科技 not in: {result.Describe()}");
        Assert.Null(result.Relation("INVESTED_IN", "高盛", "澜渊科技"));
    }

    [Fact]
    public void A_rumoured_deal_the_two_parties_do_not_confirm_stays_unasserted()
    {
        var result = fixture.Extract("另有传闻称高盛正洽谈入股澜渊科技，双方均未证实。");
        Assert.Null(result.Relation("INVESTED_IN", "高盛", "澜渊科技"));
    }

    [Fact]
    public void A_trigger_clause_after_a_contrast_is_not_hedged_by_the_speculation_before_it()
    {
        var result = fixture.Extract("还有人担心，新团队或将冷落三星，但谷歌表示，与三星在Galaxy手表上的合作照常进行。");
        Assert.True(result.Relation("PARTNERED_WITH", "谷歌", "三星") is not null,
            $"谷歌↔三星 not in: {result.Describe()}");
    }
}
