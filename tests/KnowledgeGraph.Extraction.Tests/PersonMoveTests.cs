namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Moves between employers, posts described before a name, and founders named in lists or away from their company.</summary>
[Collection(PipelineCollection.Name)]
public class PersonMoveTests(PipelineFixture fixture)
{
    [Fact]
    public void A_founder_listed_among_backers_founded_only_the_company_written_before_the_title()
    {
        var result = fixture.Extract("本轮融资获微软、百度、英伟达以及亚马逊创始人杰夫·贝索斯等投资，英特尔资本也参与其中。");
        Assert.True(result.Relation("FOUNDED", "杰夫·贝索斯", "亚马逊") is not null, result.Describe());
        foreach (var backer in new[] { "微软", "百度", "英伟达" })
            Assert.True(result.Relation("FOUNDED", "杰夫·贝索斯", backer) is null, $"{backer}: {result.Describe()}");
    }

    [Fact]
    public void Posts_in_a_row_each_at_its_own_organization_all_belong_to_the_holder()
    {
        var result = fixture.Extract("星衡智能成立于2017年，联合创始人中还包括谷歌创始人、英伟达创始人马可·贝洛蒂。");
        Assert.True(result.Relation("FOUNDED", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("FOUNDED", "马可·贝洛蒂", "谷歌") is not null, result.Describe());
        Assert.True(result.Relation("FOUNDED", "马可·贝洛蒂", "英伟达") is not null, result.Describe());
    }

    [Fact]
    public void A_person_poached_by_a_company_joins_it_and_takes_the_post_named_after()
    {
        var result = fixture.Extract("马可·贝洛蒂早年在斯坦福大学读博。2017年，马可·贝洛蒂被英伟达挖走，出任AI高级总监。");
        Assert.True(result.Relation("JOINED", "马可·贝洛蒂", "英伟达") is not null, result.Describe());
        var post = result.Relation("WORKS_FOR", "马可·贝洛蒂", "英伟达");
        Assert.True(post is not null, result.Describe());
        Assert.EndsWith("总监", post!.Attributes.Role);
    }

    [Fact]
    public void A_company_that_brings_a_person_in_is_joined()
    {
        var result = fixture.Extract("6月，百度入股星衡智能，并把后者的创始人马可·贝洛蒂请来担任首席AI官。");
        Assert.True(result.Relation("JOINED", "马可·贝洛蒂", "百度") is not null, result.Describe());
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "百度") is not null, result.Describe());
    }

    [Fact]
    public void Employers_after_a_verb_of_working_there_describe_the_person_after_them()
    {
        var result = fixture.Extract("星衡智能由曾任职于华为和百度的马可·贝洛蒂创办。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "华为") is not null, result.Describe());
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "百度") is not null, result.Describe());
        Assert.True(result.Relation("FOUNDED", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
    }

    [Fact]
    public void A_name_spelled_again_in_brackets_stays_the_subject_of_its_clause()
    {
        var result = fixture.Extract("星衡智能成立于2021年。联合创始人兼CEO马可·贝洛蒂（Marco Bellotti）曾在百度担任研究科学家，其他联合创始人包括CTO卢卡·费拉里、安娜·罗西。");
        Assert.True(result.Relation("FOUNDED", "卢卡·费拉里", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("FOUNDED", "卢卡·费拉里", "百度") is null, result.Describe());
    }

    [Theory]
    [InlineData("马可·贝洛蒂加盟百度，出任首席科学家。")]
    [InlineData("马可·贝洛蒂近日履新百度，出任首席科学家。")]
    [InlineData("马可·贝洛蒂离开谷歌后回到百度，担任首席科学家。")]
    public void A_post_taken_on_moving_is_held_at_the_company_moved_to(string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("JOINED", "马可·贝洛蒂", "百度") is not null, result.Describe());
        Assert.Equal("首席科学家", result.Relation("WORKS_FOR", "马可·贝洛蒂", "百度")?.Attributes.Role);
    }

    [Theory]
    [InlineData("微软宣布，比尔·盖茨卸任CEO，由萨提亚·纳德拉接任。")]
    [InlineData("微软创始人比尔·盖茨将CEO职位交棒给萨提亚·纳德拉。")]
    public void A_successor_holds_the_post_handed_over(string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("WORKS_FOR", "萨提亚·纳德拉", "微软") is not null, result.Describe());
    }

    [Fact]
    public void The_one_reported_to_may_follow_the_verb()
    {
        var result = fixture.Extract("马可·贝洛蒂将加入微软，并直接汇报给萨提亚·纳德拉。");
        Assert.True(result.Relation("REPORTS_TO", "马可·贝洛蒂", "萨提亚·纳德拉") is not null, result.Describe());
    }

    [Fact]
    public void A_founder_reported_to_is_the_founder_of_the_company_named_before()
    {
        var result = fixture.Extract("据报道，王建国在百度将负责汽车业务，直接向创始人兼CEO李明远汇报。");
        Assert.True(result.Relation("FOUNDED", "李明远", "百度") is not null, result.Describe());
        Assert.True(result.Relation("WORKS_FOR", "李明远", "百度") is not null, result.Describe());
    }

    [Fact]
    public void Retiring_from_a_company_is_leaving_it()
    {
        var result = fixture.Extract("马可·贝洛蒂今年正式从百度退休。");
        Assert.True(result.Relation("LEFT", "马可·贝洛蒂", "百度") is not null, result.Describe());
    }

    [Fact]
    public void A_bare_title_after_a_founder_described_by_another_company_is_held_at_the_company_named_last()
    {
        var result = fixture.Extract("交易完成后，星衡智能联合创始人兼CEO马可·贝洛蒂将出任百度CEO，现任CEO卢卡·费拉里将卸任。");
        Assert.True(result.Relation("WORKS_FOR", "卢卡·费拉里", "百度") is not null, result.Describe());
        Assert.Null(result.Relation("WORKS_FOR", "卢卡·费拉里", "星衡智能"));
    }

    [Fact]
    public void A_person_named_by_what_they_are_points_back_to_that_person()
    {
        var result = fixture.Extract("百度前副总裁马可·贝洛蒂已加入星衡智能。该高管此前在谷歌负责智能驾驶业务。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "谷歌") is not null, result.Describe());
    }

    [Fact]
    public void Founders_moving_to_a_company_are_not_its_founders()
    {
        var result = fixture.Extract("星衡智能宣布，其团队将加入百度，公司随即停止运营。联合创始人兼CEO马可·贝洛蒂和联合创始人卢卡·费拉里都将加入百度。");
        Assert.True(result.Relation("FOUNDED", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("JOINED", "卢卡·费拉里", "百度") is not null, result.Describe());
        Assert.Null(result.Relation("FOUNDED", "马可·贝洛蒂", "百度"));
        Assert.Null(result.Relation("LEFT", "马可·贝洛蒂", "百度"));
    }

    [Fact]
    public void People_poached_are_named_after_the_group_they_belong_to()
    {
        var result = fixture.Extract("据报道，百度已从谷歌挖走多名研究员，其中包括此前负责组建谷歌苏黎世办公室的马可·贝洛蒂和卢卡·费拉里。");
        foreach (var person in new[] { "马可·贝洛蒂", "卢卡·费拉里" })
        {
            Assert.True(result.Relation("JOINED", person, "百度") is not null, $"{person}: {result.Describe()}");
            Assert.True(result.Relation("LEFT", person, "谷歌") is not null, $"{person}: {result.Describe()}");
        }
    }

    [Fact]
    public void Denying_a_statement_the_sentence_reports_leaves_an_earlier_plan_standing()
    {
        var result = fixture.Extract("马可·贝洛蒂将加入百度。卢卡·费拉里此前公开表示百度开出了上亿美元的签约奖金，但百度方面否认了这一说法。");
        Assert.True(result.Relation("JOINED", "马可·贝洛蒂", "百度") is not null, result.Describe());
    }

    [Fact]
    public void A_plan_denied_afterwards_does_not_stand()
    {
        var result = fixture.Extract("有消息称，马可·贝洛蒂将加入百度。对此，百度方面否认了这一说法。");
        Assert.Null(result.Relation("JOINED", "马可·贝洛蒂", "百度"));
    }

    [Fact]
    public void A_founding_team_listed_in_a_clause_carrying_the_topic_founded_it()
    {
        var result = fixture.Extract("星衡智能成立于2016年，创始团队包括马可·贝洛蒂、CTO卢卡·费拉里等五人。");
        Assert.True(result.Relation("FOUNDED", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("FOUNDED", "卢卡·费拉里", "星衡智能") is not null, result.Describe());
    }

    [Theory]
    [InlineData("星衡智能的前身是百川科技，2014年由马可·贝洛蒂在挪威创立，他至今担任公司CEO。")]
    [InlineData("马可·贝洛蒂于2014年创立了百川科技。2020年，百川科技更名为星衡智能。")]
    public void A_company_founded_under_an_earlier_name_is_founded_as_it_is_now(string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("FOUNDED", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.Single(result.Relations, r => r.Type == "FOUNDED");
    }
}
