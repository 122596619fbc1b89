namespace KnowledgeGraph.Extraction.Tests;

[Collection(PipelineCollection.Name)]
public class ResolutionTests(PipelineFixture fixture)
{
    [Fact]
    public void Chinese_and_english_names_of_one_company_are_one_entity()
    {
        var result = fixture.Extract("微软公司今天发布财报。Microsoft表示云业务增长强劲，微软股价随之上涨。");
        var microsoft = Assert.Single(result.Entities, e => e.Type == "Organization");
        Assert.Equal("org:microsoft", microsoft.Id);
        Assert.Equal(3, microsoft.Mentions.Count);
        Assert.Contains("微软公司", microsoft.Aliases);
    }

    [Fact]
    public void A_full_name_and_its_surname_are_one_person()
    {
        var result = fixture.Extract("山姆·奥特曼出席了会议。会后奥特曼接受了采访。");
        var altman = Assert.Single(result.Entities, e => e.Type == "Person");
        Assert.Equal(2, altman.Mentions.Count);
    }

    [Fact]
    public void An_unknown_transliterated_name_and_its_surname_are_one_person()
    {
        var result = fixture.Extract("奥列格·维尔哈文斯基出任首席执行官。维尔哈文斯基此前在一家芯片企业工作。");
        var person = Assert.Single(result.Entities, e => e.Type == "Person");
        Assert.Equal(2, person.Mentions.Count);
    }

    [Fact]
    public void A_name_with_its_english_spelling_in_brackets_is_one_entity()
    {
        var result = fixture.Extract("奥列格·维尔哈文斯基（Oleg Verhavensky）出任首席执行官。");
        var person = Assert.Single(result.Entities, e => e.Type == "Person");
        Assert.Contains("Oleg Verhavensky", person.Aliases);
    }

    [Fact]
    public void A_latin_surname_alone_is_the_person_named_in_full()
    {
        var result = fixture.Extract("Tessaline的联合创始人Marcus Holloway曾在谷歌工作。Holloway表示，公司将扩大团队。霍洛韦（Holloway）担任首席执行官。");
        var person = Assert.Single(result.Entities, e => e.Type == "Person");
        Assert.Contains(person.Mentions, m => m.Text == "Holloway");
        Assert.DoesNotContain(result.Entities, e => e.Name == "Holloway" && e.Type != "Person");
    }

    [Theory]
    [InlineData("北京澜渊人工智能研究院（以下简称“澜渊”）今天成立。去年，英伟达曾与澜渊合作。", "北京澜渊人工智能研究院", "澜渊")]
    [InlineData("Tessaline Robotics（简称TR）宣布完成融资。TR表示，资金将用于研发。", "Tessaline Robotics", "TR")]
    public void A_short_name_the_article_introduces_is_the_thing_named_before_it(string text, string full, string shortName)
    {
        var result = fixture.Extract(text);
        var entity = result.Entity(full);
        Assert.Contains(shortName, entity.Aliases);
        Assert.Equal(2, entity.Mentions.Count(m => m.Text == shortName));
    }

    [Fact]
    public void The_company_points_back_to_the_company_named_before()
    {
        var result = fixture.Extract("澜渊科技成立于2021年。去年，英伟达投资了该公司。");
        Assert.NotNull(result.Relation("INVESTED_IN", "英伟达", "澜渊科技"));
    }

    [Fact]
    public void He_points_back_to_the_person_named_before()
    {
        var result = fixture.Extract("百度前研究员郑沐阳在业内颇有名气。今年3月，他加入了阿里巴巴。");
        Assert.NotNull(result.Relation("JOINED", "郑沐阳", "阿里巴巴"));
    }

    [Fact]
    public void A_bare_surname_before_what_the_person_does_points_back_to_the_person()
    {
        var result = fixture.Extract("百度前研究员郑沐阳在业内颇有名气。今年3月，郑宣布加入阿里巴巴。");
        Assert.NotNull(result.Relation("JOINED", "郑沐阳", "阿里巴巴"));
        Assert.DoesNotContain(result.Entities, e => e.Name == "郑");
    }

    [Fact]
    public void The_last_word_of_a_known_product_name_is_that_product()
    {
        var result = fixture.Extract("Claude 3登陆Bedrock。Claude 3系列模型已在亚马逊的Amazon Bedrock平台上线。");
        var bedrock = Assert.Single(result.Entities, e => e.Aliases.Contains("Bedrock"));
        Assert.Equal("Amazon Bedrock", bedrock.Name);
    }

    [Fact]
    public void A_transliterated_surname_seen_again_is_not_cut_short()
    {
        var result = fixture.Extract("联合创始人贝瑟尼·邦焦尔诺将加入惠普。邦焦尔诺则曾任苹果软件工程总监。");
        var person = Assert.Single(result.Entities, e => e.Type == "Person");
        Assert.Contains("邦焦尔诺", person.Aliases);
    }
}
