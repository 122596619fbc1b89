namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Units named or merged under a parent (PART_OF), and what a maker leads with or is best known for (DEVELOPS).</summary>
[Collection(PipelineCollection.Name)]
public class UnitAndMakerTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("澜渊科技将整体并入腾讯。", "澜渊科技", "腾讯")]
    [InlineData("交易完成后，澜渊科技将成为腾讯的全资子公司。", "澜渊科技", "腾讯")]
    public void A_unit_merged_or_made_a_subsidiary_is_part_of_its_parent(string sentence, string unit, string parent)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("PART_OF", unit, parent) is not null, $"{unit}→{parent} not in: {result.Describe()}");
    }

    [Fact]
    public void A_unit_read_as_one_name_with_its_parents_is_part_of_it()
    {
        var result = fixture.Extract("张华毕业于清华大学。她此后在清华大学智能产业研究院任职。");
        Assert.True(result.Relation("PART_OF", "清华大学智能产业研究院", "清华大学") is not null, result.Describe());
    }

    [Fact]
    public void A_fund_named_after_its_backer_is_no_unit_of_it()
    {
        var result = fixture.Extract("本轮由腾讯领投，吉利资本和吉利汽车跟投。");
        Assert.Null(result.Relation("PART_OF", "吉利资本", "吉利汽车"));
    }

    [Theory]
    [InlineData("澜渊科技主打推理芯片LPX-1和大模型Voxa Pro。", "澜渊科技", "Voxa Pro")]
    [InlineData("澜渊科技最知名的产品是语音合成模型Voxa Pro。", "澜渊科技", "Voxa Pro")]
    public void What_a_maker_leads_with_is_its_product(string sentence, string maker, string product)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("DEVELOPS", maker, product) is not null, $"{maker}→{product} not in: {result.Describe()}");
    }

    [Fact]
    public void A_unit_named_in_a_persons_titles_right_after_its_parents_title_is_the_parents()
    {
        var result = fixture.Extract("腾讯公司副总裁、云与智慧产业事业群总裁李明在会上表示，新模型将于下月开放。");
        Assert.True(result.Relation("PART_OF", "云与智慧产业事业群", "腾讯") is not null, result.Describe());
    }

    [Fact]
    public void A_former_post_at_the_parent_says_nothing_of_the_unit()
    {
        var result = fixture.Extract("前腾讯公司副总裁、云与智慧产业事业群总裁李明创办的公司完成融资。");
        Assert.Null(result.Relation("PART_OF", "云与智慧产业事业群", "腾讯"));
    }

    [Theory]
    [InlineData("上周，字节跳动旗下的飞书发布了会议耳机“飞书M2”，售价899元。飞书CEO李明称，这是飞书的首款硬件。", "飞书", "飞书M2", "字节跳动")]
    [InlineData("阿里巴巴旗下的钉钉昨日推出了录音卡片“钉钉Z3”。钉钉CEO王强表示，钉钉将继续投入硬件。", "钉钉", "钉钉Z3", "阿里巴巴")]
    public void A_unit_the_text_names_launching_a_product_is_its_maker_not_the_parent(string sentence, string unit, string product, string parent)
    {
        var result = fixture.Extract(sentence);
        Assert.True(result.Relation("DEVELOPS", unit, product) is not null, $"{unit}→{product} not in: {result.Describe()}");
        Assert.True(result.Relation("PART_OF", unit, parent) is not null, $"{unit}→{parent} not in: {result.Describe()}");
        Assert.Null(result.Relation("DEVELOPS", parent, product));
    }
}
