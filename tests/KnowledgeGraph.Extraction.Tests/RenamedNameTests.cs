namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Old and new names of one company or product the article links with a rename word (原, 后更名为, 前身是).</summary>
[Collection(PipelineCollection.Name)]
public class RenamedNameTests(PipelineFixture fixture)
{
    [Fact]
    public void Two_names_the_lexicon_knows_apart_are_one_product_when_the_article_says_one_was_the_other()
    {
        var result = fixture.Extract("百度推出的文小言（原文心一言）已接入新的推理模型，用户量明显回升。");
        Assert.Equal(result.Entity("文心一言").Id, result.Entity("文小言").Id);
    }

    [Fact]
    public void A_rename_told_in_brackets_after_the_old_name_joins_both_names()
    {
        var result = fixture.Extract("芯河科技（后更名为澜海半导体）今年完成了B轮融资，投资方包括红杉中国。");
        Assert.Equal(result.Entity("芯河科技").Id, result.Entity("澜海半导体").Id);
    }

    [Fact]
    public void The_present_name_the_lexicon_keeps_for_a_former_one_names_the_joined_company()
    {
        var result = fixture.Extract("这位研究员2015年加入Facebook（后更名为Meta），参与创建了Facebook的开源实验室，并长期担任Meta研究总监。");
        Assert.Equal("Meta", result.Entity("Facebook").Name);
    }

    [Fact]
    public void A_unit_is_never_joined_with_the_company_that_owns_it()
    {
        var result = fixture.Extract("这支芯片团队隶属于达摩院，前身是阿里巴巴2018年收购的一家处理器公司。");
        Assert.NotEqual(result.Entity("阿里巴巴").Id, result.Entity("达摩院").Id);
    }
}
