namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Deals between organizations: co-investor lists, the company a round belongs to, the two parties of a deal, units.</summary>
[Collection(PipelineCollection.Name)]
public class DealRelationTests(PipelineFixture fixture)
{
    [Theory]
    // a backer described as an existing shareholder, after a name the recogniser may not know
    [InlineData("澜渊科技宣布完成5亿元B轮融资，由红杉资本领投，黑土创投、腾讯以及老股东英伟达跟投。", "英伟达", "澜渊科技")]
    [InlineData("澜渊科技宣布完成5亿元B轮融资，由红杉资本领投，黑土创投、腾讯以及老股东英伟达跟投。", "腾讯", "澜渊科技")]
    // a clause about the company's valuation does not end the chain the round's clause continues
    [InlineData("澜渊科技宣布完成B轮融资，投后估值达到20亿美元。本轮由红杉资本领投，腾讯跟投。", "红杉资本", "澜渊科技")]
    [InlineData("澜渊科技宣布完成B轮融资，投后估值达到20亿美元。本轮由红杉资本领投，腾讯跟投。", "腾讯", "澜渊科技")]
    // the amount before the verb, the largest investor, a stake held, a round a backer led
    [InlineData("英伟达继去年以2亿美元投资芯片公司澜渊科技之后，又投资了云起科技。", "英伟达", "澜渊科技")]
    [InlineData("英伟达是澜渊科技最大的投资方。", "英伟达", "澜渊科技")]
    [InlineData("英伟达目前持有澜渊科技约10%的股份。", "英伟达", "澜渊科技")]
    [InlineData("澜渊科技去年在红杉资本领投的一轮融资中估值达到12亿美元。", "红杉资本", "澜渊科技")]
    public void Backers_are_found_in_the_ways_rounds_are_reported(string text, string backer, string company)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("INVESTED_IN", backer, company) is not null, $"INVESTED_IN {backer}→{company} not in: {result.Describe()}");
    }

    [Theory]
    // stakes27: 合资公司 as what is held is the venture the text introduced as one, not the company named last (澜渊科技)
    [InlineData("华为与澜渊科技宣布成立一家名为“云栖智联”的合资公司。根据协议，英伟达持有合资公司60%的股份，腾讯持股40%。", "英伟达")]
    [InlineData("华为与澜渊科技宣布成立一家名为“云栖智联”的合资公司。根据协议，英伟达持有合资公司60%的股份，腾讯持股40%。", "腾讯")]
    [InlineData("华为宣布成立合资公司“云栖智联”，主攻车载芯片。据悉，合资公司由英伟达与腾讯各持股50%。", "英伟达")]
    [InlineData("华为宣布成立合资公司“云栖智联”，主攻车载芯片。据悉，合资公司由英伟达与腾讯各持股50%。", "腾讯")]
    public void Holders_of_the_joint_venture_invest_in_the_venture_named_before(string text, string holder)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("INVESTED_IN", holder, "云栖智联") is not null, $"INVESTED_IN {holder}→云栖智联 not in: {result.Describe()}");
        Assert.Null(result.Relation("INVESTED_IN", holder, "澜渊科技"));
    }

    [Theory]
    // holders20: a stake statement naming only its holders holds the company named just before as set up or registered,
    // not a holder named in between (红杉资本 keeps its stake) nor the clause topic before it
    [InlineData("澜渊科技成立于2019年，总部位于杭州。红杉资本则保留约15%的股权。其中，英伟达持股约30%，腾讯与华为各持股约20%。", "英伟达")]
    [InlineData("澜渊科技成立于2019年，总部位于杭州。红杉资本则保留约15%的股权。其中，英伟达持股约30%，腾讯与华为各持股约20%。", "腾讯")]
    [InlineData("华为与腾讯合资组建的芯片公司正式成立，新公司命名为“澜渊科技”。英伟达、阿里巴巴各出资5亿元。", "阿里巴巴")]
    public void Bare_stakes_are_in_the_company_just_set_up(string text, string holder)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("INVESTED_IN", holder, "澜渊科技") is not null, $"INVESTED_IN {holder}→澜渊科技 not in: {result.Describe()}");
        Assert.Null(result.Relation("INVESTED_IN", holder, "红杉资本"));
    }

    [Fact]
    public void The_company_a_paragraph_is_about_is_not_one_of_the_backers_of_its_round()
    {
        var result = fixture.Extract("澜渊科技今年完成B轮融资，由红杉资本领投，腾讯跟投。去年，该公司还完成了由英伟达领投的A轮融资。");
        Assert.NotNull(result.Relation("INVESTED_IN", "英伟达", "澜渊科技"));
        Assert.Null(result.Relation("INVESTED_IN", "英伟达", "腾讯"));
    }

    [Fact]
    public void The_two_parties_are_the_pair_the_sentence_names()
    {
        var result = fixture.Extract("澜渊科技与华为周二宣布，双方将联合推出新一代推理芯片。");
        Assert.NotNull(result.Relation("PARTNERED_WITH", "澜渊科技", "华为"));
    }

    [Theory]
    [InlineData("英伟达收购澜渊科技的谈判已经告吹。")]
    [InlineData("据报道，英伟达去年曾试图收购澜渊科技，但遭到拒绝。")]
    [InlineData("此前有报道称，英伟达已同意以7亿美元收购澜渊科技。但这笔交易最终没有完成。")]
    public void A_deal_called_off_attempted_or_agreed_but_never_closed_asserts_nothing(string text)
    {
        var result = fixture.Extract(text);
        Assert.Null(result.Relation("ACQUIRED", "英伟达", "澜渊科技"));
    }

    [Fact]
    public void An_agreed_deal_stands_while_nothing_says_it_fell_through()
    {
        var result = fixture.Extract("英伟达已同意以7亿美元收购澜渊科技。");
        Assert.NotNull(result.Relation("ACQUIRED", "英伟达", "澜渊科技"));
    }

    [Fact]
    public void A_denial_does_not_reach_past_a_new_statement()
    {
        var result = fixture.Extract("澜渊科技否认被英伟达收购，并表示已与华为达成战略合作。");
        Assert.Null(result.Relation("ACQUIRED", "英伟达", "澜渊科技"));
        Assert.NotNull(result.Relation("PARTNERED_WITH", "澜渊科技", "华为"));
    }

    [Theory]
    [InlineData("她此前在阿里巴巴达摩院工作，后来加入了澜渊科技。", "达摩院", "阿里巴巴")]
    [InlineData("澜渊科技脱胎于百度智能驾驶研究院（IDR），创始人郑沐阳曾任该院院长。", "IDR", "百度")]
    public void A_unit_written_with_its_parent_is_part_of_it(string text, string unit, string parent)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("PART_OF", unit, parent) is not null, $"PART_OF {unit}→{parent} not in: {result.Describe()}");
    }

    [Theory]
    // every name before a backer's word that closes its clause backs the round, however the list is written
    [InlineData("澜渊科技宣布完成5亿元B轮融资，由红杉资本领投，晨曦远景、腾讯等机构跟投，老股东英伟达继续加注。", "英伟达", "澜渊科技")]
    [InlineData("澜渊科技宣布完成5亿元B轮融资，由红杉资本领投，晨曦远景、腾讯等机构跟投，老股东英伟达继续加注。", "晨曦远景", "澜渊科技")]
    // the round of a sentence about it (本轮) is the one the sentence before raised
    [InlineData("澜渊科技宣布完成新一轮融资。本轮由腾讯与红杉资本联合领投，老股东英伟达持续加码。", "英伟达", "澜渊科技")]
    [InlineData("澜渊科技宣布完成新一轮融资。本轮由腾讯与红杉资本联合领投，老股东英伟达持续加码。", "红杉资本", "澜渊科技")]
    // a long unknown name with an organization's ending in the list
    [InlineData("澜渊科技完成B轮融资，由腾讯领投，红杉资本、上海市未来产业投资基金等机构跟投。", "上海市未来产业投资基金", "澜渊科技")]
    // backers named among a round's investors
    [InlineData("澜渊科技去年完成的天使轮中，美团、腾讯都在投资方之列。", "美团", "澜渊科技")]
    public void A_clause_closed_by_a_backers_word_names_backers_of_the_round(string text, string backer, string company)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("INVESTED_IN", backer, company) is not null, $"INVESTED_IN {backer}→{company} not in: {result.Describe()}");
    }

    [Fact]
    public void A_backer_clause_names_the_leader_and_steps_over_brackets_and_descriptions()
    {
        var result = fixture.Extract("澜渊科技宣布完成B轮融资，由富达（Fidelity）领投，亚马逊创始人杰夫·贝索斯跟投。");
        Assert.True(result.Relation("INVESTED_IN", "富达", "澜渊科技")?.Attributes.Lead == true, result.Describe());
        Assert.NotNull(result.Relation("INVESTED_IN", "杰夫·贝索斯", "澜渊科技"));
        Assert.Null(result.Relation("INVESTED_IN", "亚马逊", "澜渊科技"));
    }

    [Theory]
    [InlineData("据传，澜渊科技即将完成新一轮融资，腾讯领投，英伟达跟投。")]
    [InlineData("澜渊科技正在洽谈新一轮融资，腾讯有意领投，英伟达考虑跟投。")]
    public void A_backer_clause_asserts_nothing_in_a_rumour_or_a_negotiation(string text)
    {
        var result = fixture.Extract(text);
        Assert.DoesNotContain(result.Relations, r => r.Type == "INVESTED_IN" && r.Subject == result.Entity("英伟达").Id);
    }

    [Fact]
    public void An_acquired_company_described_by_what_it_is_to_another_is_the_target()
    {
        var result = fixture.Extract("2023年，英伟达以6.5亿美元收购了腾讯的竞争对手澜渊科技。");
        Assert.NotNull(result.Relation("ACQUIRED", "英伟达", "澜渊科技"));
        Assert.Null(result.Relation("ACQUIRED", "英伟达", "腾讯"));
    }

    [Fact]
    public void A_total_raised_is_not_the_amount_of_the_backers_stake()
    {
        var result = fixture.Extract("澜渊科技累计融资已超过10亿美元，投资方包括腾讯和英伟达。");
        var relation = result.Relation("INVESTED_IN", "腾讯", "澜渊科技");
        Assert.NotNull(relation);
        Assert.Null(relation.Attributes.Amount);
    }

    [Fact]
    public void An_agreement_between_two_names_takes_its_direction_from_the_article()
    {
        var result = fixture.Extract("英伟达与澜渊科技达成推理技术授权协议。澜渊科技将其推理技术授权给英伟达使用。");
        Assert.NotNull(result.Relation("LICENSED_TO", "澜渊科技", "英伟达"));
        Assert.Null(result.Relation("LICENSED_TO", "英伟达", "澜渊科技"));
    }

    [Fact]
    public void An_agreement_between_two_names_alone_keeps_the_order_written()
    {
        var result = fixture.Extract("澜渊科技与英伟达签署了技术许可协议。");
        Assert.NotNull(result.Relation("LICENSED_TO", "澜渊科技", "英伟达"));
    }

    [Fact]
    public void An_agreement_with_a_holder_of_content_alone_has_the_holder_license()
    {
        var result = fixture.Extract("澜渊科技上月与路透社签署了内容许可协议，可在其AI助手中引用新闻报道。");
        Assert.True(result.Relation("LICENSED_TO", "路透社", "澜渊科技") is not null, result.Describe());
        Assert.Null(result.Relation("LICENSED_TO", "澜渊科技", "路透社"));
    }
}
