namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Relations between organizations stated through a word that stands for several of them (它们, 双方) or for the
/// company the text is about (其), through the verbs of rivalry the clause fallback reads, and the limits of PART_OF
/// after 旗下.
/// </summary>
[Collection(PipelineCollection.Name)]
public class OrganizationGroupTests(PipelineFixture fixture)
{
    private static readonly string[] Investors = ["微软", "亚马逊", "英伟达"];

    [Fact]
    public void Them_after_with_is_every_item_of_the_list_before_and_the_items_are_not_set_against_each_other()
    {
        var result = fixture.Extract("微软、亚马逊和英伟达都在加大投入，澜渊科技要与它们正面竞争。");
        foreach (var rival in Investors)
            Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", rival) is not null, $"澜渊科技↔{rival} not in: {result.Describe()}");
        Assert.Null(result.Relation("COMPETES_WITH", "微软", "亚马逊"));
        Assert.Null(result.Relation("COMPETES_WITH", "亚马逊", "英伟达"));
    }

    [Fact]
    public void Partners_named_by_them_in_the_next_sentence_are_each_a_partner_of_the_subject_only()
    {
        var result = fixture.Extract("微软、亚马逊和英伟达都在加大投入。澜渊科技将与它们展开合作。");
        foreach (var partner in Investors)
            Assert.True(result.Relation("PARTNERED_WITH", "澜渊科技", partner) is not null, $"澜渊科技↔{partner} not in: {result.Describe()}");
        Assert.Null(result.Relation("PARTNERED_WITH", "微软", "英伟达"));
    }

    [Fact]
    public void Them_after_a_single_name_stands_for_no_list()
    {
        var result = fixture.Extract("英伟达今年营收大涨，澜渊科技要与它们竞争。");
        Assert.Null(result.Relation("COMPETES_WITH", "澜渊科技", "英伟达"));
    }

    [Fact]
    public void Both_sides_alone_in_a_clause_of_cooperation_are_partners()
    {
        var result = fixture.Extract("澜渊科技与腾讯早有往来，双方在数据中心场景合作多年。");
        Assert.True(result.Relation("PARTNERED_WITH", "澜渊科技", "腾讯") is not null, result.Describe());
    }

    [Fact]
    public void Its_rival_at_a_clause_start_is_the_rival_of_the_company_the_text_is_about()
    {
        var result = fixture.Extract("澜渊科技成立于2021年。其主要对手是估值已超30亿美元的ElevenLabs。");
        Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", "ElevenLabs") is not null, result.Describe());
    }

    [Theory]
    [InlineData("澜渊科技要直面OpenAI的语音产品。", "OpenAI")]
    [InlineData("澜渊科技将在企业市场与谷歌掰手腕。", "谷歌")]
    [InlineData("澜渊科技与Anthropic在编程工具市场短兵相接。", "Anthropic")]
    [InlineData("澜渊科技正与Anthropic在企业市场比拼。", "Anthropic")]
    public void A_verb_of_rivalry_sets_the_two_against_each_other(string sentence, string rival)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", rival) is not null, $"澜渊科技↔{rival} not in: {result.Describe()}");
    }

    [Fact]
    public void A_contest_is_its_own_clauses_subjects_not_those_of_a_list_before()
    {
        var result = fixture.Extract("微软、亚马逊和英伟达都在加大投入，澜渊科技要与谷歌展开竞争。");
        Assert.NotNull(result.Relation("COMPETES_WITH", "澜渊科技", "谷歌"));
        Assert.Null(result.Relation("COMPETES_WITH", "微软", "谷歌"));
    }

    [Fact]
    public void A_name_after_a_fund_of_a_parent_and_and_is_no_unit_of_that_parent()
    {
        var result = fixture.Extract("本轮由中金资本旗下基金和春华资本联合领投。");
        Assert.Null(result.Relation("PART_OF", "春华资本", "中金资本"));
    }

    [Fact]
    public void A_subject_owned_by_another_name_is_not_the_unit_a_later_parent_owns()
    {
        var result = fixture.Extract("澜渊科技的老对手是AMD旗下的赛灵思。");
        Assert.Null(result.Relation("PART_OF", "澜渊科技", "AMD"));
        Assert.NotNull(result.Relation("PART_OF", "赛灵思", "AMD"));
    }

    [Theory]
    [InlineData("Nova-2上线后广受欢迎。Nova-2是澜渊科技在多模态领域的旗舰模型。")]
    [InlineData("澜渊科技的代表作是视频模型Nova-2。")]
    public void A_product_called_the_makers_own_work_is_developed_by_it(string text)
    {
        var result = fixture.Extract(text);
        Assert.True(result.Relation("DEVELOPS", "澜渊科技", "Nova-2") is not null, result.Describe());
    }

    [Fact]
    public void The_team_launching_a_model_is_the_company_the_text_is_about()
    {
        var result = fixture.Extract("澜渊科技成立于2023年。团队发布了端到端抓取大模型GraspNova。");
        Assert.True(result.Relation("DEVELOPS", "澜渊科技", "GraspNova") is not null, result.Describe());
    }

    [Fact]
    public void A_base_model_named_for_the_company_is_used_by_it()
    {
        var result = fixture.Extract("澜渊科技成立于2022年，其底座正是Meta开源的Llama 3。");
        Assert.True(result.Relation("USES", "澜渊科技", "Llama 3") is not null, result.Describe());
        Assert.Null(result.Relation("DEVELOPS", "澜渊科技", "Llama 3"));
    }

    [Fact]
    public void A_parent_named_before_its_unit_is_not_the_partner()
    {
        var result = fixture.Extract("澜渊科技还与吉利旗下的一家车企合作开发了一款无人驾驶车型。");
        Assert.Null(result.Relation("PARTNERED_WITH", "澜渊科技", "吉利"));
    }

    [Fact]
    public void A_product_of_the_user_may_stand_between_the_user_and_its_verb_of_use()
    {
        var result = fixture.Extract("澜渊科技曾在Nova X1等机型上采用高通的骁龙芯片。");
        Assert.True(result.Relation("USES", "澜渊科技", "骁龙") is not null, result.Describe());
    }
}
