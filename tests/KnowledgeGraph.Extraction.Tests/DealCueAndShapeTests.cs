namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Deals9: deals the text only forecasts, rules out, puts off or says never closed assert nothing; shapes of funding,
/// takeovers and licences read by the patterns added for them (a backer brought in, a round's backer after 由, a target
/// put before its verb, a subsidiary once the deal closed, a right of use granted); lists of unknown backers closed by
/// the round's verb.
/// </summary>
[Collection(PipelineCollection.Name)]
public class DealCueAndShapeTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("业内人士预计，云起资本将领投澜渊科技的下一轮融资。")]
    [InlineData("据多位投资人透露，云起资本或参与澜渊科技新一轮融资。")]
    [InlineData("云起资本暂不考虑入股澜渊科技。")]
    [InlineData("云起资本并不是澜渊科技的股东。")]
    [InlineData("云起资本对澜渊科技的投资因资金问题被推迟。")]
    [InlineData("云起资本可能在下一轮融资中继续加码澜渊科技。")]
    [InlineData("关于云起资本将投资澜渊科技的报道，云起资本未予置评。")]
    public void A_forecast_a_deal_ruled_out_or_put_off_and_a_denied_stake_assert_no_investment(string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("INVESTED_IN", "云起资本", "澜渊科技") is null, result.Describe());
    }

    [Theory]
    [InlineData("英伟达对澜渊科技的收购因监管原因被搁置。")]
    [InlineData("英伟达对澜渊科技的收购最终未能完成。")]
    [InlineData("英伟达据称有兴趣收购澜渊科技。")]
    [InlineData("英伟达收购澜渊科技的计划因监管阻力而被迫放弃。")]
    public void A_takeover_shelved_never_closed_or_only_of_interest_asserts_nothing(string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("ACQUIRED", "英伟达", "澜渊科技") is null, result.Describe());
    }

    [Fact]
    public void A_takeover_not_closed_yet_is_still_asserted()
    {
        var result = fixture.Extract("英伟达宣布收购澜渊科技，交易尚未完成。");
        Assert.NotNull(result.Relation("ACQUIRED", "英伟达", "澜渊科技"));
    }

    [Theory]
    [InlineData("澜渊科技引入云起资本作为战略投资者。")]
    [InlineData("澜渊科技宣布引入战略投资者云起资本。")]
    [InlineData("2022年，澜渊科技完成天使轮融资，由云起资本投资。")]
    [InlineData("参与澜渊科技本轮投资的还有云起资本、五源资本等机构。")]
    [InlineData("云起资本携手五源资本投资了澜渊科技。")]
    [InlineData("澜渊科技拿下云起资本的2亿元投资。")]
    [InlineData("澜渊科技的新一轮融资吸引了五源资本和云起资本的参与。")]
    [InlineData("澜渊科技的首轮外部融资来自云起资本。")]
    [InlineData("云起资本在澜渊科技的持股比例升至11%。")]
    [InlineData("澜渊科技完成2亿元B轮融资，投资方：五源资本、云起资本。")]
    [InlineData("云起资本领投，五源资本跟投，澜渊科技完成新一轮融资。")]
    public void A_backer_brought_in_named_after_the_round_or_joined_to_another_invests(string text)
    {
        var result = fixture.Extract(text);
        Assert.NotNull(result.Relation("INVESTED_IN", "云起资本", "澜渊科技"));
    }

    [Fact]
    public void The_leader_named_after_the_round_is_the_backer_not_the_company()
    {
        var result = fixture.Extract("澜渊科技新一轮融资的领投方是云起资本。");
        Assert.True(result.Relation("INVESTED_IN", "澜渊科技", "云起资本") is null, result.Describe());
    }

    [Fact]
    public void Unknown_backers_listed_after_a_known_one_up_to_the_rounds_verb_each_invest()
    {
        var result = fixture.Extract("澜渊科技完成1亿美元A轮融资，由国投创业领投，联想创投、栖霞投资、中科图灵、元禾原点跟投。");
        foreach (var backer in new[] { "栖霞投资", "中科图灵", "元禾原点" })
            Assert.True(result.Relation("INVESTED_IN", backer, "澜渊科技") is not null, $"{backer}: {result.Describe()}");
    }

    [Theory]
    [InlineData("英伟达将澜渊科技以13亿美元的价格收购。")]
    [InlineData("英伟达把澜渊科技买了下来。")]
    [InlineData("收购完成后，澜渊科技成为英伟达的全资子公司。")]
    [InlineData("英伟达与澜渊科技的合并交易已经完成，澜渊科技成为英伟达的全资子公司。")]
    [InlineData("英伟达控股了澜渊科技。")]
    [InlineData("英伟达一口气买下了三家AI初创公司，其中包括澜渊科技。")]
    public void A_target_put_before_its_verb_or_become_a_subsidiary_once_the_deal_closed_is_acquired(string text)
    {
        var result = fixture.Extract(text);
        Assert.NotNull(result.Relation("ACQUIRED", "英伟达", "澜渊科技"));
    }

    [Theory]
    [InlineData("华为授予澜渊科技其部分专利的使用权。", "澜渊科技")]
    [InlineData("华为以非独家许可方式向小米提供其模型。", "小米")]
    public void A_right_of_use_granted_or_a_model_offered_under_licence_is_licensed(string text, string licensee)
    {
        var result = fixture.Extract(text);
        Assert.NotNull(result.Relation("LICENSED_TO", "华为", licensee));
    }

    [Fact]
    public void Selling_a_business_of_a_company_is_not_selling_the_company()
    {
        var result = fixture.Extract("英伟达收购澜渊科技后，将其制造业务出售给了云起集团。");
        Assert.NotNull(result.Relation("ACQUIRED", "英伟达", "澜渊科技"));
        Assert.True(result.Relation("ACQUIRED", "云起集团", "英伟达") is null, result.Describe());
    }

    [Fact]
    public void A_licence_said_to_have_ended_asserts_nothing()
    {
        var result = fixture.Extract("华为与澜渊科技的授权协议已于今年到期终止。");
        Assert.True(result.Relation("LICENSED_TO", "华为", "澜渊科技") is null, result.Describe());
    }
}
