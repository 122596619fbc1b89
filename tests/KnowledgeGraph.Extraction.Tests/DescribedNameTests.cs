namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Young companies with no ending of their own, introduced by what they are and followed by what they do (entities
/// work, session 7). The names are invented so that only the recogniser, not the lexicon, can find them.
/// </summary>
[Collection(PipelineCollection.Name)]
public class DescribedNameTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("具身智能初创公司它石澜航宣布完成1.2亿美元天使轮融资。", "它石澜航")]
    [InlineData("AI芯片企业曦澜完成近10亿元融资。", "曦澜")]
    [InlineData("机器人公司松澜动力获得数亿元Pre-B轮融资。", "松澜动力")]
    public void A_name_between_a_description_and_what_the_company_does_is_an_organization(string text, string name)
    {
        Assert.Equal("Organization", fixture.Extract(text).Entity(name).Type);
    }

    [Fact]
    public void The_described_company_takes_part_in_the_round()
    {
        var result = fixture.Extract("具身智能初创公司它石澜航宣布完成1.2亿美元天使轮融资，由蓝驰创投领投。");
        Assert.NotNull(result.Relation("INVESTED_IN", "BlueRun Ventures", "它石澜航"));
    }

    [Theory]
    [InlineData("他们和中国的多家公司谈过，最终选择和我们做生意。")]
    [InlineData("我们已经和几家头部制造企业签了试点协议。")]
    [InlineData("欧洲最受瞩目的大模型公司再获巨额融资。")]
    [InlineData("公司员工宣布罢工。")]
    [InlineData("该企业近日完成了新一轮融资。")]
    public void Companies_spoken_of_in_general_are_no_name(string text)
    {
        Assert.DoesNotContain(fixture.Extract(text).Entities, e => e.Type == "Organization");
    }

    [Fact]
    public void A_group_investment_arm_is_an_organization_of_its_own()
    {
        var result = fixture.Extract("老股东北汽产投、深创投继续加注。");
        Assert.Equal("Organization", result.Entity("北汽产投").Type);
    }
}
