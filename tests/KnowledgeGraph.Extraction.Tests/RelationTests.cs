namespace KnowledgeGraph.Extraction.Tests;

[Collection(PipelineCollection.Name)]
public class RelationTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("FOUNDED", "郑沐阳", "澜渊科技", "2021年，郑沐阳创办了澜渊科技。")]
    [InlineData("WORKS_FOR", "郑沐阳", "澜渊科技", "澜渊科技首席技术官郑沐阳出席了发布会。")]
    [InlineData("JOINED", "郑沐阳", "阿里巴巴", "前百度研究员郑沐阳已正式加入阿里巴巴。")]
    [InlineData("LEFT", "郑沐阳", "百度", "据悉，首席科学家郑沐阳已于上月离开百度。")]
    [InlineData("REPORTS_TO", "郑沐阳", "纳德拉", "微软副总裁郑沐阳将直接向纳德拉汇报。")]
    [InlineData("INVESTED_IN", "英伟达", "澜渊科技", "英伟达领投了澜渊科技的B轮融资。")]
    [InlineData("ACQUIRED", "英伟达", "澜渊科技", "英伟达宣布以7亿美元收购芯片企业澜渊科技。")]
    [InlineData("ACQUIHIRED", "谷歌", "澜渊科技", "谷歌挖走了澜渊科技的两位联合创始人以及大部分员工。")]
    [InlineData("LICENSED_TO", "澜渊科技", "亚马逊", "澜渊科技与亚马逊签署了非独家技术许可协议。")]
    [InlineData("PARTNERED_WITH", "澜渊科技", "华为", "澜渊科技与华为达成战略合作。")]
    [InlineData("COMPETES_WITH", "澜渊科技", "英伟达", "澜渊科技正与英伟达在推理芯片市场展开竞争。")]
    [InlineData("DEVELOPS", "澜渊科技", "星河", "澜渊科技发布了《星河》大模型。")]
    [InlineData("PART_OF", "澜渊研究院", "澜渊科技", "澜渊研究院是澜渊科技旗下的研究院。")]
    [InlineData("USES", "澜渊科技", "H100", "澜渊科技采购了一万块H100。")]
    public void Every_relation_type_is_found(string type, string subject, string @object, string sentence)
    {
        var result = fixture.Extract(sentence);
        var relation = result.Relation(type, subject, @object);
        Assert.True(relation is not null, $"{type} {subject}→{@object} not in: {result.Describe()}");
        Assert.InRange(relation!.Confidence, 0.5, 1.0);
        Assert.Equal(sentence, relation.Evidence.Text);
    }

    [Theory]
    [InlineData("据传，英伟达或将收购澜渊科技。", "ACQUIRED", "英伟达", "澜渊科技")]
    [InlineData("英伟达否认了收购澜渊科技的传闻。", "ACQUIRED", "英伟达", "澜渊科技")]
    [InlineData("英伟达正在与澜渊科技洽谈收购事宜，双方尚未达成协议。", "ACQUIRED", "英伟达", "澜渊科技")]
    [InlineData("外界关注亚马逊是否会投资澜渊科技。", "INVESTED_IN", "亚马逊", "澜渊科技")]
    [InlineData("英伟达并未收购澜渊科技。", "ACQUIRED", "英伟达", "澜渊科技")]
    public void Rumours_denials_negotiations_and_speculation_assert_nothing(string sentence, string type, string subject, string @object)
    {
        var result = fixture.Extract(sentence);
        Assert.Null(result.Relation(type, subject, @object));
    }

    [Fact]
    public void A_plan_reversed_later_in_the_paragraph_asserts_nothing_but_the_reversal_stands()
    {
        var result = fixture.Extract("纳德拉表示，郑沐阳将加入微软。不过随着郑沐阳重回百度，这一消息就此淹没了。");
        Assert.Null(result.Relation("JOINED", "郑沐阳", "微软"));
        Assert.NotNull(result.Relation("JOINED", "郑沐阳", "百度"));
    }

    [Fact]
    public void Investment_amount_currency_round_lead_and_date_are_normalised()
    {
        var result = fixture.Extract("去年中期，英伟达领投了澜渊科技1.5亿美元的B轮融资，估值达到20亿美元。", new DateTime(2024, 3, 22));
        var relation = result.Relation("INVESTED_IN", "英伟达", "澜渊科技");
        Assert.NotNull(relation);
        Assert.Equal(150_000_000m, relation!.Attributes.Amount);
        Assert.Equal("USD", relation.Attributes.Currency);
        Assert.Equal("B轮", relation.Attributes.Round);
        Assert.True(relation.Attributes.Lead);
        Assert.Equal("2023", relation.Attributes.Date);
        var deal = Assert.Single(result.Deals);
        Assert.Equal("INVESTED_IN", deal.Kind);
        Assert.Contains(deal.Parties, p => p.Role == "investor" && p.EntityId == relation.Subject);
        Assert.Contains(deal.Parties, p => p.Role == "investee" && p.EntityId == relation.Object);
    }

    [Theory]
    [InlineData("华为向澜渊科技投资1600万欧元。", 16_000_000, "EUR")]
    [InlineData("华为向澜渊科技投资4.5亿元人民币。", 450_000_000, "CNY")]
    [InlineData("华为向澜渊科技投资$6.6 billion。", 6_600_000_000, "USD")]
    public void Amounts_are_numbers_with_an_iso_currency(string sentence, long amount, string currency)
    {
        var relation = fixture.Extract(sentence).Relation("INVESTED_IN", "华为", "澜渊科技");
        Assert.NotNull(relation);
        Assert.Equal(amount, relation!.Attributes.Amount);
        Assert.Equal(currency, relation.Attributes.Currency);
    }

    [Fact]
    public void Relative_dates_resolve_against_the_publication_date()
    {
        var result = fixture.Extract("今年2月，澜渊科技发布了《星河》大模型。", new DateTime(2024, 3, 22));
        Assert.Equal("2024-02", result.Relation("DEVELOPS", "澜渊科技", "星河")!.Attributes.Date);
    }

    [Fact]
    public void Co_investors_of_one_round_each_invest_and_form_one_deal()
    {
        var result = fixture.Extract("澜渊科技完成由红杉中国和高瓴领投的C轮融资。");
        Assert.NotNull(result.Relation("INVESTED_IN", "红杉中国", "澜渊科技"));
        Assert.NotNull(result.Relation("INVESTED_IN", "高瓴", "澜渊科技"));
        var deal = Assert.Single(result.Deals);
        Assert.Equal(2, deal.Parties.Count(p => p.Role == "investor"));
    }
}
