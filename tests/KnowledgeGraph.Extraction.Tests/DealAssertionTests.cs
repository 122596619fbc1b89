namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Deals reported in the shapes news uses (a target described at length, control taken, a team joining) and the ones
/// the text takes back: a deal that failed, was voted down or given up, a plan a later paragraph says fell through,
/// an interest that is no deal.
/// </summary>
[Collection(PipelineCollection.Name)]
public class DealAssertionTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("比数字更受关注的，是英伟达收购澜渊科技失败之后的第一份成绩单。")]
    [InlineData("今年7月，英伟达宣布以全股票方式收购澜渊科技。然而在10月的股东大会上，澜渊科技的股东投票否决了这笔交易。")]
    [InlineData("英伟达有意收购澜渊科技。")]
    [InlineData("英伟达正在筹划收购澜渊科技。")]
    public void A_deal_that_failed_was_voted_down_or_only_intended_asserts_nothing(string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("ACQUIRED", "英伟达", "澜渊科技") is null, result.Describe());
    }

    [Fact]
    public void A_deal_given_up_elsewhere_in_the_paragraph_leaves_the_others_standing()
    {
        var result = fixture.Extract("今年7月，英伟达宣布收购澜渊科技。同月，华为放弃了对云起科技的收购。");
        Assert.NotNull(result.Relation("ACQUIRED", "英伟达", "澜渊科技"));
    }

    [Fact]
    public void A_plan_a_later_paragraph_says_fell_through_asserts_nothing()
    {
        var result = fixture.Extract("纳德拉宣布，奥特曼将加入微软，领导一个新的研究团队。\n\n最终，奥特曼重返OpenAI，加入微软的计划随之作罢。");
        Assert.True(result.Relation("JOINED", "奥特曼", "微软") is null, result.Describe());
    }

    [Theory]
    [InlineData("去年7月，英伟达又收购了陷入困境的英国AI芯片公司澜渊科技。")]
    [InlineData("英伟达宣布收购总部位于波尔多的澜渊科技，交易金额未披露。")]
    [InlineData("英伟达将通过旗下平台，以协议转让加部分要约收购的方式取得澜渊科技的控制权。")]
    [InlineData("英伟达终于将澜渊科技收入囊中。")]
    public void An_acquisition_is_read_whatever_describes_the_company_bought(string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("ACQUIRED", "英伟达", "澜渊科技") is not null, result.Describe());
    }

    [Theory]
    [InlineData("澜渊科技在官网宣布，其团队将加入英伟达，公司随即停止接受新客户。")]
    [InlineData("根据协议，澜渊科技创始人兼CEO张卫东以及其他部分团队成员将加入英伟达。")]
    [InlineData("英伟达吸纳了澜渊科技的大部分AI硬件和软件工程师。")]
    public void A_team_or_founders_with_staff_joining_another_company_is_an_acquihire(string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("ACQUIHIRED", "英伟达", "澜渊科技") is not null, result.Describe());
    }

    [Fact]
    public void A_team_joining_the_company_that_bought_it_is_part_of_the_acquisition()
    {
        var result = fixture.Extract("英伟达宣布收购澜渊科技。澜渊科技的团队将加入英伟达。");
        Assert.NotNull(result.Relation("ACQUIRED", "英伟达", "澜渊科技"));
        Assert.Null(result.Relation("ACQUIHIRED", "英伟达", "澜渊科技"));
    }

    [Fact]
    public void Researchers_hired_away_one_by_one_are_no_acquihire()
    {
        var result = fixture.Extract("据外媒报道，Meta过去一周已从OpenAI挖走多名研究员。");
        Assert.Null(result.Relation("ACQUIHIRED", "Meta", "OpenAI"));
    }

    [Fact]
    public void A_stake_in_a_company_named_by_其_is_in_the_company_the_text_is_about()
    {
        var result = fixture.Extract("澜渊科技的早期股东包括红杉资本，英伟达也持有其股份。");
        Assert.True(result.Relation("INVESTED_IN", "英伟达", "澜渊科技") is not null, result.Describe());
    }

    [Theory]
    [InlineData("华为向澜渊科技授权其芯片架构。")]
    [InlineData("澜渊科技已获华为授权，可在其产品中使用昇腾架构。")]
    public void A_licence_granted_or_obtained_is_read_with_its_direction(string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("LICENSED_TO", "华为", "澜渊科技") is not null, result.Describe());
        Assert.Null(result.Relation("LICENSED_TO", "澜渊科技", "华为"));
    }

    [Fact]
    public void A_round_written_in_English_is_no_backer()
    {
        var result = fixture.Extract("成立当年，澜渊科技就拿到了3.4亿元Pre-A轮融资，由腾讯领投。");
        Assert.False(result.HasEntity("Pre-A"), result.Describe());
        Assert.NotNull(result.Relation("INVESTED_IN", "腾讯", "澜渊科技"));
    }

    [Fact]
    public void The_buyer_of_a_stake_another_holder_sells_invests_in_the_company()
    {
        var result = fixture.Extract("英特尔宣布向私募股权公司凯雷集团出售Mobileye 10%的股份。");
        Assert.True(result.Relation("INVESTED_IN", "凯雷集团", "Mobileye") is not null, result.Describe());
        Assert.Null(result.Relation("INVESTED_IN", "英特尔", "凯雷集团"));
    }

    [Fact]
    public void A_backer_list_goes_on_past_a_name_the_recogniser_missed_before_its_last_joiner()
    {
        var result = fixture.Extract("澜渊科技此前累计融资超过1350万美元，投资方包括Index Ventures、Shopify、Plug and Play和Radical Ventures。");
        Assert.True(result.Relation("INVESTED_IN", "Radical Ventures", "澜渊科技") is not null, result.Describe());
    }

    [Fact]
    public void An_owner_backs_a_round_through_a_fund_it_leaves_unnamed_but_not_through_a_named_unit()
    {
        var unnamed = fixture.Extract("澜渊科技完成了18亿元的C轮融资，中金资本旗下基金和春华资本联合领投，腾讯跟投。");
        Assert.True(unnamed.Relation("INVESTED_IN", "中金资本", "澜渊科技") is not null, unnamed.Describe());
        Assert.NotNull(unnamed.Relation("INVESTED_IN", "春华资本", "澜渊科技"));
        var named = fixture.Extract("澜渊科技完成9亿美元C轮融资，由沙特主权基金PIF旗下的AI公司HUMAIN领投。");
        Assert.NotNull(named.Relation("INVESTED_IN", "HUMAIN", "澜渊科技"));
        Assert.Null(named.Relation("INVESTED_IN", "PIF", "澜渊科技"));
    }
}
