namespace KnowledgeGraph.Extraction.Tests;

[Collection(PipelineCollection.Name)]
public class RecognitionTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("苏莱曼", "Person")]
    [InlineData("西蒙尼扬", "Person")]
    [InlineData("纳德拉", "Person")]
    [InlineData("Inflection AI", "Organization")]
    [InlineData("Mistral AI", "Organization")]
    public void Lexicon_names_are_recognised_whole(string name, string type)
    {
        var result = fixture.Extract($"据报道，{name}本周出席了一场发布会。");
        var entity = result.Entity(name);
        Assert.Equal(type, entity.Type);
        Assert.Contains(entity.Mentions, m => m.Text == name);
    }

    [Fact]
    public void Transliterated_names_with_a_middle_dot_are_people()
    {
        var result = fixture.Extract("这家公司的新任负责人是奥列格·维尔哈文斯基，他此前在一家芯片企业工作。");
        Assert.Equal("Person", result.Entity("奥列格·维尔哈文斯基").Type);
    }

    [Fact]
    public void Names_after_titles_are_people()
    {
        var result = fixture.Extract("星环智算首席执行官郑沐阳表示，公司将继续投入研发。");
        Assert.Equal("Person", result.Entity("郑沐阳").Type);
    }

    [Fact]
    public void Latin_names_that_start_with_a_given_name_are_people_without_a_title()
    {
        var result = fixture.Extract("Tessaline由Marcus Holloway和Priya Venkatesh于2021年创立。");
        Assert.Equal("Person", result.Entity("Marcus Holloway").Type);
    }

    [Fact]
    public void A_latin_name_after_a_title_and_a_copula_is_a_person()
    {
        var result = fixture.Extract("该公司首席科学家为Qo Venmar。");
        Assert.Equal("Person", result.Entity("Qo Venmar").Type);
    }

    [Fact]
    public void A_chinese_series_name_before_a_model_code_is_part_of_the_product()
    {
        var result = fixture.Extract("该公司先后推出星河X2、青岚M5等机器人产品，型号A7也将发布。");
        Assert.Equal("Product", result.Entity("星河X2").Type);
        Assert.Equal("Product", result.Entity("青岚M5").Type);
        Assert.False(result.HasEntity("X2"));
        Assert.False(result.HasEntity("型号A7"));
    }

    [Fact]
    public void The_chinese_name_before_a_bracketed_latin_name_is_the_same_person()
    {
        var result = fixture.Extract("该公司由田汐岩（Marcus Tian）和周鹭（Olivia Zhou）共同创办。");
        var person = result.Entity("Marcus Tian");
        Assert.Equal("Person", person.Type);
        Assert.Contains("田汐岩", person.Aliases);
    }

    [Fact]
    public void Dotted_names_go_on_over_sounds_that_also_start_verbs()
    {
        var result = fixture.Extract("微软副总裁迪·坦普尔顿出席了会议。");
        Assert.Equal("Person", result.Entity("迪·坦普尔顿").Type);
        Assert.False(result.HasEntity("迪·"));
    }

    [Fact]
    public void Unknown_names_listed_with_organizations_are_organizations()
    {
        var result = fixture.Extract("本轮由红杉资本领投，腾讯、岚澈远川、阿里巴巴以及老股东百度风投、汐禾等跟投。");
        Assert.Equal("Organization", result.Entity("岚澈远川").Type);
        Assert.Equal("Organization", result.Entity("汐禾").Type);
    }

    [Fact]
    public void A_known_organization_with_a_field_and_a_unit_ending_is_its_unit()
    {
        var result = fixture.Extract("她此前在清华大学人工智能研究院工作，后加入中国移动旗下产业投资基金。");
        Assert.Equal("Organization", result.Entity("清华大学人工智能研究院").Type);
        Assert.False(result.HasEntity("中国移动旗下产业投资基金"));
    }

    [Fact]
    public void Organization_suffixes_make_unknown_names_organizations()
    {
        var result = fixture.Extract("总部位于杭州的澜渊科技今天发布了新产品。");
        Assert.Equal("Organization", result.Entity("澜渊科技").Type);
    }

    [Fact]
    public void English_proper_noun_runs_are_typed_by_their_context()
    {
        var result = fixture.Extract("初创公司Quillfire Labs宣布完成融资，并推出了AI应用Lumen。");
        Assert.Equal("Organization", result.Entity("Quillfire Labs").Type);
        Assert.Equal("Product", result.Entity("Lumen").Type);
    }

    [Fact]
    public void Products_in_title_marks_after_a_launch_verb_are_products()
    {
        var result = fixture.Extract("澜渊科技昨日发布《星河》大模型。");
        Assert.Equal("Product", result.Entity("星河").Type);
    }

    [Theory]
    [InlineData("AI初创公司")]
    [InlineData("大金主")]
    [InlineData("投资者")]
    [InlineData("CEO")]
    public void Generic_phrases_roles_and_amounts_are_not_entities(string phrase)
    {
        var result = fixture.Extract($"这位{phrase}表示，这笔13亿美元的交易非常重要，AI初创公司都在关注大金主的动向。");
        Assert.DoesNotContain(result.Entities, e => e.Name == phrase || e.Aliases.Contains(phrase));
        Assert.DoesNotContain(result.Entities, e => e.Name.Contains("13"));
    }

    [Fact]
    public void A_common_verb_that_is_also_a_company_name_stays_a_verb()
    {
        var result = fixture.Extract("这很容易让人联想起去年的那场风波。");
        Assert.DoesNotContain(result.Entities, e => e.Name == "Lenovo");
    }
}
