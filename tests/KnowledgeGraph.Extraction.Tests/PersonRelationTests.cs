namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Founders, posts, board seats and departures: the person relations and the organizations they leave unnamed.</summary>
[Collection(PipelineCollection.Name)]
public class PersonRelationTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("星衡智能成立于2021年，由前百度资深工程师马可·贝洛蒂与连续创业者卢卡·费拉里、安娜·罗西共同创办。")]
    [InlineData("马可·贝洛蒂在2020年与卢卡·费拉里、安娜·罗西联合创办了星衡智能，总部位于上海。")]
    public void Every_founder_of_a_list_is_a_founder_whatever_describes_them(string text)
    {
        var result = fixture.Extract(text);
        foreach (var founder in new[] { "马可·贝洛蒂", "卢卡·费拉里", "安娜·罗西" })
            Assert.True(result.Relation("FOUNDED", founder, "星衡智能") is not null, $"{founder}: {result.Describe()}");
        Assert.Null(result.Relation("FOUNDED", "马可·贝洛蒂", "百度"));
    }

    [Fact]
    public void A_role_named_without_its_organization_is_held_at_the_one_the_sentence_is_about()
    {
        var result = fixture.Extract("星衡智能成立于2021年，董事长为马可·贝洛蒂，CEO为卢卡·费拉里。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("WORKS_FOR", "卢卡·费拉里", "星衡智能") is not null, result.Describe());
    }

    [Fact]
    public void A_title_taken_without_its_organization_is_not_held_at_one_named_in_passing()
    {
        var result = fixture.Extract("星衡智能由马可·贝洛蒂和卢卡·费拉里于2021年创立，星衡智能总部位于上海。两人此前均在清华大学攻读博士。贝洛蒂担任首席执行官。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.Null(result.Relation("WORKS_FOR", "马可·贝洛蒂", "清华大学"));
    }

    [Fact]
    public void A_board_seat_is_a_post_not_a_move()
    {
        var result = fixture.Extract("作为协议的一部分，微软副董事长马可·贝洛蒂将加入星衡智能董事会。");
        var post = result.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能");
        Assert.True(post is not null, result.Describe());
        Assert.Equal("董事", post!.Attributes.Role);
        Assert.Null(result.Relation("JOINED", "马可·贝洛蒂", "星衡智能"));
    }

    [Fact]
    public void An_apposition_holds_in_a_sentence_reporting_a_rumour_but_the_rumour_does_not()
    {
        var result = fixture.Extract("有传闻称，星衡智能创始人马可·贝洛蒂将加入百度。");
        Assert.True(result.Relation("FOUNDED", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.Null(result.Relation("JOINED", "马可·贝洛蒂", "百度"));
    }
}
