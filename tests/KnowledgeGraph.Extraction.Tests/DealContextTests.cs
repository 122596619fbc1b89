namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Deals whose parties or facts stand outside the clause that states them: the company whose round a paragraph is
/// about, a carried subject, a licence stated the other way round elsewhere, a company sold, a round's facts.
/// </summary>
[Collection(PipelineCollection.Name)]
public class DealContextTests(PipelineFixture fixture)
{
    [Fact]
    public void Backers_of_a_round_invest_in_the_company_that_raised_it_not_in_one_named_in_passing()
    {
        var result = fixture.Extract("澜渊科技宣布完成5亿美元B轮融资。这是今年规模最大的融资之一，仅次于云起科技。\n本轮由红杉资本领投，腾讯和英伟达跟投。");
        Assert.NotNull(result.Relation("INVESTED_IN", "红杉资本", "澜渊科技"));
        Assert.NotNull(result.Relation("INVESTED_IN", "英伟达", "澜渊科技"));
        Assert.Null(result.Relation("INVESTED_IN", "英伟达", "云起科技"));
    }

    [Fact]
    public void A_round_raised_in_a_clause_naming_no_company_is_the_one_closing_the_clause_before()
    {
        var result = fixture.Extract("芯片老将张伟执掌的AI芯片公司澜渊科技，于12月2日宣布完成约6亿美元D轮融资。本轮由红杉资本领投，腾讯和英伟达等跟投。");
        var backing = result.Relation("INVESTED_IN", "英伟达", "澜渊科技");
        Assert.True(backing is not null, result.Describe());
        Assert.Equal("D轮", backing.Attributes.Round);
    }

    [Fact]
    public void A_backer_takes_the_amount_round_and_date_of_a_round_raised_in_the_sentence_before()
    {
        var result = fixture.Extract("澜渊科技于10月17日宣布完成1亿美元种子轮融资。本轮融资由红杉资本领投，腾讯跟投。", new DateTime(2022, 10, 18));
        var backing = result.Relation("INVESTED_IN", "腾讯", "澜渊科技");
        Assert.True(backing is not null, result.Describe());
        Assert.Equal(100_000_000m, backing.Attributes.Amount);
        Assert.Equal("USD", backing.Attributes.Currency);
        Assert.Equal("种子轮", backing.Attributes.Round);
        Assert.Equal("2022-10-17", backing.Attributes.Date);
    }

    [Fact]
    public void A_subject_carried_into_a_later_clause_is_not_the_object_of_an_earlier_verb()
    {
        var result = fixture.Extract("据报道，谷歌已同意向澜渊科技投资最多20亿美元：先期投入5亿美元，剩余部分分批注入。");
        Assert.NotNull(result.Relation("INVESTED_IN", "谷歌", "澜渊科技"));
        Assert.Null(result.Relation("INVESTED_IN", "澜渊科技", "谷歌"));
    }

    [Fact]
    public void It_points_past_its_own_clause_to_the_company_the_text_is_about()
    {
        var result = fixture.Extract("澜渊科技的芯片已装进多家车企的车型，腾讯、百度和阿里巴巴都是它的股东。");
        Assert.NotNull(result.Relation("INVESTED_IN", "腾讯", "澜渊科技"));
        Assert.Null(result.Relation("INVESTED_IN", "腾讯", "阿里巴巴"));
    }

    [Fact]
    public void An_agreement_between_two_names_is_turned_to_the_party_that_licenses_elsewhere()
    {
        var result = fixture.Extract("云起科技此前持有Arm的架构授权，而澜渊科技也与Arm签有另一份许可协议。");
        Assert.NotNull(result.Relation("LICENSED_TO", "Arm", "云起科技"));
        Assert.NotNull(result.Relation("LICENSED_TO", "Arm", "澜渊科技"));
        Assert.Null(result.Relation("LICENSED_TO", "澜渊科技", "Arm"));
    }

    [Theory]
    [InlineData("澜渊科技已把其芯片IP和编译器授权给华为，用于下一代产品。", "澜渊科技", "华为")]
    [InlineData("华为还向澜渊科技支付了模型授权费。", "澜渊科技", "华为")]
    public void A_licence_is_read_from_what_is_licensed_and_what_is_paid(string text, string licensor, string licensee)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("LICENSED_TO", licensor, licensee) is not null, result.Describe());
    }

    [Fact]
    public void A_company_sold_is_acquired_by_its_buyer()
    {
        var result = fixture.Extract("云起科技在2012年以3亿美元卖给了英伟达。");
        Assert.True(result.Relation("ACQUIRED", "英伟达", "云起科技") is not null, result.Describe());
    }

    [Fact]
    public void Staff_joining_once_a_pending_deal_completes_is_no_acquihire()
    {
        var result = fixture.Extract("英伟达已同意收购云起科技。交易尚待监管审查，完成后云起科技的全部员工将加入英伟达。");
        Assert.NotNull(result.Relation("ACQUIRED", "英伟达", "云起科技"));
        Assert.Null(result.Relation("ACQUIHIRED", "英伟达", "云起科技"));
    }

    [Fact]
    public void A_bet_on_a_company_named_right_after_it_is_an_investment()
    {
        var result = fixture.Extract("谷歌再掏20亿美元押注澜渊科技。");
        Assert.True(result.Relation("INVESTED_IN", "谷歌", "澜渊科技") is not null, result.Describe());
    }
}
