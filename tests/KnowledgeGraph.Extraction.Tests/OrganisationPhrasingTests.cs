namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Organisation and product relations stated in phrasings beyond the launch-and-partner verbs: a denial inside a noun
/// phrase, a partnership stated in the clause after the one naming the partners, rivalry verbs the tagger reads as
/// nouns, models offered on a platform, control and business lines as units.
/// </summary>
[Collection(PipelineCollection.Name)]
public class OrganisationPhrasingTests(PipelineFixture fixture)
{
    [Fact]
    public void A_denial_inside_a_noun_phrase_read_as_a_makers_product_cancels_it()
    {
        var result = fixture.Extract("澜渊科技否认正在开发自有搜索引擎Pegasus。");
        Assert.Null(result.Relation("DEVELOPS", "澜渊科技", "Pegasus"));
    }

    [Theory]
    [InlineData("澜渊科技与OpenAI和解，并将合作开发新平台。", "澜渊科技", "OpenAI")]
    [InlineData("澜渊科技与OpenAI签约，随后联合推出了新平台。", "澜渊科技", "OpenAI")]
    public void Working_together_said_in_the_clause_after_the_one_naming_the_two_makes_them_partners(string sentence, string one, string other)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("PARTNERED_WITH", one, other) is not null, $"PARTNERED_WITH {one}↔{other} not in: {result.Describe()}");
    }

    [Fact]
    public void A_clause_opening_with_a_rivalry_verb_the_tagger_may_read_as_a_noun_takes_the_topic_as_its_subject()
    {
        var result = fixture.Extract("澜渊科技发布Nova 2，直接叫板英伟达。");
        Assert.True(result.Relation("COMPETES_WITH", "澜渊科技", "英伟达") is not null, result.Describe());
    }

    [Fact]
    public void Rivals_listed_together_in_a_contest_of_any_name_are_each_others_rivals()
    {
        var result = fixture.Extract("百度、阿里巴巴和腾讯在AI云市场同台竞技。");
        Assert.NotNull(result.Relation("COMPETES_WITH", "百度", "阿里巴巴"));
        Assert.NotNull(result.Relation("COMPETES_WITH", "阿里巴巴", "腾讯"));
    }

    [Fact]
    public void Models_offered_on_a_platform_are_used_by_the_one_offering_them_and_so_is_the_platform()
    {
        var result = fixture.Extract("澜渊科技在英伟达的DGX Cloud上推出了DeepSeek-R1推理服务。");
        Assert.True(result.Relation("USES", "澜渊科技", "DeepSeek-R1") is not null, result.Describe());
        Assert.True(result.Relation("USES", "澜渊科技", "DGX Cloud") is not null, result.Describe());
    }

    [Theory]
    [InlineData("Mobileye目前仍由英特尔控股。", "Mobileye", "英特尔")]
    [InlineData("阿里云作为阿里巴巴集团的云计算业务，去年收入超过千亿元。", "阿里云", "阿里巴巴集团")]
    [InlineData("此前，英特尔已将旗下的Mobileye分拆上市。", "Mobileye", "英特尔")]
    public void A_controlled_company_or_a_business_line_is_part_of_its_parent(string sentence, string unit, string parent)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("PART_OF", unit, parent) is not null, $"PART_OF {unit}→{parent} not in: {result.Describe()}");
    }

    [Fact]
    public void A_business_of_another_named_for_whom_something_is_done_makes_no_unit()
    {
        var result = fixture.Extract("英伟达同时表示，将为Mobileye的数据中心制造业务寻找战略合作方。");
        Assert.Null(result.Relation("PART_OF", "英伟达", "Mobileye"));
    }

    [Fact]
    public void Its_before_a_products_latin_name_is_the_company_the_text_is_about_not_the_partner_named_last()
    {
        var result = fixture.Extract("澜渊科技成立于2020年。今年3月，澜渊科技与英伟达达成合作，在其Nova服务中提供DeepSeek-R1。");
        Assert.True(result.Relation("DEVELOPS", "澜渊科技", "Nova") is not null, result.Describe());
        Assert.Null(result.Relation("DEVELOPS", "英伟达", "Nova"));
    }

    [Theory]
    [InlineData("澜渊科技希望与英伟达展开合作。", "PARTNERED_WITH", "澜渊科技", "英伟达")]
    [InlineData("澜渊科技不打算推出自己的大模型Nova。", "DEVELOPS", "澜渊科技", "Nova")]
    public void A_wish_or_no_intention_asserts_nothing(string sentence, string type, string subject, string @object)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation(type, subject, @object) is null, $"{type} {subject}→{@object} should not be in: {result.Describe()}");
    }
}
