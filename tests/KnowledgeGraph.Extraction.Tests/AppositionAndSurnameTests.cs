namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Resolution of names given with their other spelling, and of surnames two people share (entities work, session 7).</summary>
[Collection(PipelineCollection.Name)]
public class AppositionAndSurnameTests(PipelineFixture fixture)
{
    [Fact]
    public void A_chinese_name_given_with_a_known_english_one_is_that_entity_wherever_it_stands_again()
    {
        var result = fixture.Extract("编程工具Cursor背后的澜舟星图科技（Anysphere）已完成新一轮融资。3月11日，澜舟星图科技宣布与阿里巴巴达成战略合作。");
        var company = Assert.Single(result.Entities, e => e.Aliases.Contains("澜舟星图科技"));
        Assert.Equal("org:anysphere", company.Id);
        Assert.Equal(2, company.Mentions.Count(m => m.Text == "澜舟星图科技"));
    }

    [Fact]
    public void A_surname_two_known_people_share_is_the_one_the_article_names_in_full()
    {
        var result = fixture.Extract("Suno由迈基·舒尔曼（Mikey Shulman）等四人创立。舒尔曼此前在Kensho工作。");
        var people = result.Entities.Where(e => e.Type == "Person").ToList();
        var shulman = Assert.Single(people);
        Assert.Equal("Mikey Shulman", shulman.Name);
        Assert.Contains(shulman.Mentions, m => m.Text == "舒尔曼");
    }
}
