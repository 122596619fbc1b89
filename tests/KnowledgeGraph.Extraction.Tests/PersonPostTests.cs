namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Posts and moves written around the person rather than in one clause with them: a post in brackets after the name, a later
/// clause that moves the person on, a post given up, a company announcing a titled person steps down, time spent at an employer
/// before what follows; and posts the sentence says were never held or reports it calls untrue.
/// </summary>
[Collection(PipelineCollection.Name)]
public class PersonPostTests(PipelineFixture fixture)
{
    [Fact]
    public void A_post_in_brackets_after_the_person_is_held_there()
    {
        var result = fixture.Extract("马可·贝洛蒂（星衡智能联合创始人兼首席执行官）在发布会上介绍了新产品。");
        Assert.True(result.Relation("FOUNDED", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        var post = result.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能");
        Assert.True(post is not null, result.Describe());
        Assert.Equal("首席执行官", post!.Attributes.Role);
    }

    [Fact]
    public void A_bracket_with_only_the_other_spelling_of_a_name_still_hides_nothing_else()
    {
        var result = fixture.Extract("马可·贝洛蒂（Marco Belotti）表示，星衡智能将开源模型。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能") is null, result.Describe());
    }

    [Fact]
    public void A_later_clause_without_a_subject_moves_the_person_on()
    {
        var result = fixture.Extract("马可·贝洛蒂卸任星衡智能首席执行官，加盟英伟达。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("LEFT", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("JOINED", "马可·贝洛蒂", "英伟达") is not null, result.Describe());
    }

    [Fact]
    public void Giving_up_a_post_alone_is_no_leaving()
    {
        var result = fixture.Extract("马可·贝洛蒂卸任星衡智能首席执行官，但仍留任公司董事。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("LEFT", "马可·贝洛蒂", "星衡智能") is null, result.Describe());
    }

    [Fact]
    public void A_company_announcing_a_titled_person_steps_down_names_their_post()
    {
        var result = fixture.Extract("星衡智能宣布，首席技术官卢卡·莫德里奇将卸任。");
        Assert.True(result.Relation("WORKS_FOR", "卢卡·莫德里奇", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("LEFT", "卢卡·莫德里奇", "星衡智能") is null, result.Describe());
    }

    [Fact]
    public void Time_spent_at_an_employer_before_retiring_is_a_post_and_a_leaving()
    {
        var result = fixture.Extract("在星衡智能工作七年后，马可·贝洛蒂宣布退休。");
        Assert.True(result.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("LEFT", "马可·贝洛蒂", "星衡智能") is not null, result.Describe());
    }

    [Fact]
    public void A_post_never_held_and_a_move_called_untrue_are_not_relations()
    {
        var never = fixture.Extract("马可·贝洛蒂是星衡智能的早期投资人，但他从未在星衡智能担任高管。");
        Assert.True(never.Relation("WORKS_FOR", "马可·贝洛蒂", "星衡智能") is null, never.Describe());
        var untrue = fixture.Extract("马可·贝洛蒂加盟星衡智能的消息并不属实。");
        Assert.True(untrue.Relation("JOINED", "马可·贝洛蒂", "星衡智能") is null, untrue.Describe());
    }

    [Fact]
    public void A_founder_listed_after_a_titled_holder_founded_the_company_and_holds_no_post_by_that()
    {
        var result = fixture.Extract("星衡智能首席执行官马克·贝尔、联合创始人卢卡·莫德里奇及部分研发人员将加入英伟达。");
        Assert.True(result.Relation("WORKS_FOR", "马克·贝尔", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("FOUNDED", "卢卡·莫德里奇", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("WORKS_FOR", "卢卡·莫德里奇", "星衡智能") is null, result.Describe());
    }

    [Fact]
    public void An_announced_appointment_gives_the_post()
    {
        var result = fixture.Extract("英伟达宣布任命马克·贝尔为首席科学家。");
        var post = result.Relation("WORKS_FOR", "马克·贝尔", "英伟达");
        Assert.True(post is not null, result.Describe());
        Assert.Equal("首席科学家", post!.Attributes.Role);
    }

    [Fact]
    public void A_unit_said_to_be_its_parents_is_led_by_the_person_named_after_it()
    {
        var result = fixture.Extract("星衡智能是英伟达旗下的机器人子公司，由马克·贝尔负责。");
        Assert.True(result.Relation("WORKS_FOR", "马克·贝尔", "星衡智能") is not null, result.Describe());
        Assert.True(result.Relation("WORKS_FOR", "马克·贝尔", "英伟达") is null, result.Describe());
    }

    [Fact]
    public void Board_members_listed_after_the_board_hold_a_seat_there()
    {
        var result = fixture.Extract("星衡智能宣布重组董事会，成员包括卢卡·莫德里奇和伊万·佩里希奇。");
        var seat = result.Relation("WORKS_FOR", "伊万·佩里希奇", "星衡智能");
        Assert.True(seat is not null, result.Describe());
        Assert.Equal("董事", seat!.Attributes.Role);
        Assert.True(result.Relation("WORKS_FOR", "卢卡·莫德里奇", "星衡智能") is not null, result.Describe());
    }
}
