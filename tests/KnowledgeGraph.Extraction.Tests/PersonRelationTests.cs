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

    [Theory]
    [InlineData("星衡智能成立于2021年，公司三位联合创始人中，CEO张立明此前在百度工作，王海涛与李文博则来自微软。")]
    [InlineData("星衡智能成立于2021年，三位联合创始人都来自芯片行业：CEO张立明曾任英伟达架构师；董事长王海涛则在华为工作多年；李文博是清华大学教授。")]
    public void Every_founder_of_a_roster_after_their_count_is_a_founder(string text)
    {
        // lists: founders counted, then named one by one after 中， or a colon, the semicolons parting the roster's items
        // into sentences of their own (h548, h73, h819).
        var result = fixture.Extract(text);
        foreach (var founder in new[] { "张立明", "王海涛", "李文博" })
            Assert.True(result.Relation("FOUNDED", founder, "星衡智能") is not null, $"{founder}: {result.Describe()}");
        Assert.Null(result.Relation("FOUNDED", "王海涛", "华为"));
    }

    [Fact]
    public void A_roster_opened_by_a_bare_title_still_names_its_founders()
    {
        // lists: resolution puts the company before a title without one (<O2>CEO<P3>); the roster reads past it (h819).
        var result = fixture.Extract("星衡智能成立于2021年，三位联合创始人堪称业内的“梦之队”：CEO马可·贝洛蒂曾任英伟达架构师；卢卡·费拉里曾在华为主管芯片项目；安娜·罗西则是清华大学教授。");
        foreach (var founder in new[] { "马可·贝洛蒂", "卢卡·费拉里", "安娜·罗西" })
            Assert.True(result.Relation("FOUNDED", founder, "星衡智能") is not null, $"{founder}: {result.Describe()}");
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
    public void The_other_two_of_a_list_of_three_are_not_the_one_named_again()
    {
        // people27: 另两人 / 后两人 after a list of three and one of it named again are the list's other two (h461, h505),
        // not the list's first pair nor the last two named.
        var result = fixture.Extract("星衡智能由马可·贝洛蒂、卢卡·费拉里和乔瓦尼·罗西于2021年创立，贝洛蒂此前在百度任研究员，另两人来自微软。");
        Assert.True(result.Relation("WORKS_FOR", "卢卡·费拉里", "微软") is not null, result.Describe());
        Assert.NotNull(result.Relation("WORKS_FOR", "乔瓦尼·罗西", "微软"));
        Assert.Null(result.Relation("WORKS_FOR", "马可·贝洛蒂", "微软"));
    }

    [Fact]
    public void He_in_an_interview_answer_is_not_the_one_answering()
    {
        // people27: the interviewee speaks of himself as 我; 他 in his answer is the person he names (h586, h674, h264).
        var result = fixture.Extract("问：团队还有谁？\n\n张伟明：联合创始人兼CTO李思齐是我的大学同学，他在百度做了五年语音识别。\n");
        Assert.True(result.Relation("WORKS_FOR", "李思齐", "百度") is not null, result.Describe());
        Assert.Null(result.Relation("WORKS_FOR", "张伟明", "百度"));
    }

    [Fact]
    public void A_board_seat_is_a_post_and_a_move()
    {
        // people13: blind annotators read joining a board as a join too (h17, h78, h130, h244, h291), not only as a post.
        var result = fixture.Extract("作为协议的一部分，微软副董事长马可·贝洛蒂将加入星衡智能董事会。");
        var post = result.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能");
        Assert.True(post is not null, result.Describe());
        Assert.Equal("董事", post!.Attributes.Role);
        Assert.NotNull(result.Relation("JOINED", "马可·贝洛蒂", "星衡智能"));
    }

    [Fact]
    public void An_apposition_holds_in_a_sentence_reporting_a_rumour_but_the_rumour_does_not()
    {
        var result = fixture.Extract("有传闻称，星衡智能创始人马可·贝洛蒂将加入百度。");
        Assert.True(result.Relation("FOUNDED", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.Null(result.Relation("JOINED", "马可·贝洛蒂", "百度"));
    }

    [Fact]
    public void Posts_held_at_a_list_of_places_belong_to_the_person_the_sentence_is_about()
    {
        var result = fixture.Extract("马可·贝洛蒂在业内被称为芯片老将，曾先后在华为、百度和英特尔主导处理器设计。");
        foreach (var employer in new[] { "华为", "百度", "英特尔" })
            Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", employer) is not null, $"{employer}: {result.Describe()}");
    }

    [Fact]
    public void Four_people_named_before_all_held_the_post_of_a_later_sentence()
    {
        var result = fixture.Extract("星衡智能由马可·贝洛蒂、卢卡·费拉里、安娜·罗西和朱塞佩·孔蒂共同创立。四人此前都在AI公司百度工作。");
        foreach (var person in new[] { "马可·贝洛蒂", "卢卡·费拉里", "安娜·罗西", "朱塞佩·孔蒂" })
            Assert.True(result.Relation("WORKS_FOR", person, "百度") is not null, $"{person}: {result.Describe()}");
    }

    [Fact]
    public void Clauses_that_leave_out_their_subject_after_four_people_are_about_all_four()
    {
        var result = fixture.Extract("星衡智能由马可·贝洛蒂、卢卡·费拉里、安娜·罗西和朱塞佩·孔蒂共同创立。四人此前曾一起创办云安全公司星衡科技，并将其出售给华为，随后在华为任职数年。");
        foreach (var person in new[] { "马可·贝洛蒂", "卢卡·费拉里", "安娜·罗西", "朱塞佩·孔蒂" })
        {
            Assert.True(result.Relation("FOUNDED", person, "星衡科技") is not null, $"{person}: {result.Describe()}");
            Assert.True(result.Relation("WORKS_FOR", person, "华为") is not null, $"{person}: {result.Describe()}");
        }
    }

    [Fact]
    public void A_title_without_its_organization_is_held_at_the_company_opening_the_sentence()
    {
        var result = fixture.Extract("百度此前已入股星衡智能，并邀请其创始人马可·贝洛蒂出任首席AI官。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "百度") is not null, result.Describe());
        Assert.Null(result.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能"));
    }

    [Fact]
    public void Respectively_pairs_two_lists_item_by_item()
    {
        var result = fixture.Extract("星衡智能的两位创始人卢卡·费拉里和安娜·罗西则分别来自百度和华为。");
        Assert.True(result.Relation("WORKS_FOR", "卢卡·费拉里", "百度") is not null, result.Describe());
        Assert.True(result.Relation("WORKS_FOR", "安娜·罗西", "华为") is not null, result.Describe());
        Assert.Null(result.Relation("WORKS_FOR", "卢卡·费拉里", "华为"));
        Assert.Null(result.Relation("WORKS_FOR", "安娜·罗西", "百度"));
    }

    [Fact]
    public void Posts_taken_after_leaving_are_not_left()
    {
        var result = fixture.Extract("马可·贝洛蒂曾在华为工作多年，2009年离开后出任百度总裁、英特尔CEO。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "百度") is not null, result.Describe());
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "英特尔") is not null, result.Describe());
        Assert.Null(result.Relation("LEFT", "马可·贝洛蒂", "百度"));
    }

    [Fact]
    public void A_post_in_a_relative_clause_is_held_by_the_person_it_describes()
    {
        var result = fixture.Extract("“这笔交易意义重大。”即将接任百度CEO的马可·贝洛蒂在声明中表示。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "百度") is not null, result.Describe());
    }
}
