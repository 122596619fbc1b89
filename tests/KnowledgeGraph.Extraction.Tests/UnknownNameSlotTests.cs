namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Names no lexicon knows, found by where they stand (entities9, session 9): Chinese people's names in a subject's or
/// a list item's slot, common words made a company's name by 科技 and a company's cue, unknown names before their
/// bracketed Latin spelling, known companies under their registered names, series names before model codes.
/// </summary>
[Collection(PipelineCollection.Name)]
public class UnknownNameSlotTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("陈立群目前担任百川智能首席科学家，负责模型研发。", "陈立群")]
    [InlineData("该团队成员包括来自谷歌的杨帆和来自微软的何静。", "何静")]
    [InlineData("孙明将接替现任CEO担任公司总裁。", "孙明")]
    [InlineData("吴泰宇与鲁明一起创建了智象科技。", "鲁明")]
    [InlineData("前腾讯副总裁林海峰出任公司总裁。", "林海峰")]
    public void A_chinese_name_where_a_subject_or_a_list_item_stands_is_a_person(string text, string name)
    {
        var result = fixture.Extract(text);
        Assert.True(result.HasEntity(name), string.Join(", ", result.Entities.Select(e => $"{e.Type}:{e.Name}")));
        Assert.Equal("Person", result.Entity(name).Type);
    }

    [Theory]
    [InlineData("这位研究员本科毕业于清华大学“姚班”，后赴美读博。", "姚班")]
    [InlineData("作者：林溪\n这家公司今天发布了新模型。", "林溪")]
    [InlineData("有投资人认为，双方迟早会成为对手。", "迟早会")]
    [InlineData("这颗芯片采用5纳米工艺，单颗集成128个核心。", "单颗")]
    [InlineData("迪士尼将把漫威（Marvel）、皮克斯（Pixar）等品牌授权给OpenAI。", "皮克斯")]
    public void Quoted_terms_bylines_phrases_and_transliterations_are_no_chinese_names(string text, string phrase)
    {
        var result = fixture.Extract(text);
        Assert.DoesNotContain(result.Entities, e => e.Type == "Person" && (e.Name == phrase || e.Aliases.Contains(phrase)));
    }

    [Theory]
    [InlineData("星云科技的CEO王志远表示，公司将继续加大研发投入。", "星云科技")]
    [InlineData("现任深蓝科技总裁的李慧敏此前在华为工作了十年。", "深蓝科技")]
    [InlineData("杨志强一手创办了星图科技，并担任董事长至今。", "星图科技")]
    public void A_common_word_before_keji_with_a_company_cue_is_a_company(string text, string name)
    {
        var result = fixture.Extract(text);
        Assert.True(result.HasEntity(name), string.Join(", ", result.Entities.Select(e => $"{e.Type}:{e.Name}")));
        Assert.Equal("Organization", result.Entity(name).Type);
    }

    [Theory]
    [InlineData("这是有史以来规模最大的一笔私营科技公司融资。", "私营科技公司")]
    [InlineData("三人将加入Meta新组建的超级智能团队。", "超级智能")]
    [InlineData("奇瑞汽车宣布成立具身智能公司墨甲智创。", "具身智能公司")]
    public void A_kind_of_company_or_team_is_no_company(string text, string phrase)
    {
        var result = fixture.Extract(text);
        Assert.False(result.HasEntity(phrase), string.Join(", ", result.Entities.Select(e => $"{e.Type}:{e.Name}")));
    }

    [Theory]
    [InlineData("衡石数据（英文名Hengshi Data）获得新融资。", "衡石数据", "Hengshi Data")]
    [InlineData("初创公司衡川智能（Hengchuan AI）发布了首款产品。", "衡川智能", "Hengchuan AI")]
    public void An_unknown_name_before_its_bracketed_latin_spelling_is_one_organization_with_it(string text, string chinese, string latin)
    {
        var result = fixture.Extract(text);
        Assert.True(result.HasEntity(chinese), string.Join(", ", result.Entities.Select(e => $"{e.Type}:{e.Name}")));
        var entity = result.Entity(chinese);
        Assert.Equal("Organization", entity.Type);
        Assert.Contains(latin, entity.Aliases.Append(entity.Name));
    }

    [Fact]
    public void A_known_company_under_its_registered_name_and_city_is_that_company()
    {
        var result = fixture.Extract("杭州宇树科技有限公司（Unitree Robotics）完成C轮融资。");
        var unitree = result.Entity("杭州宇树科技有限公司");
        Assert.Equal("Unitree Robotics", unitree.Name);
        Assert.DoesNotContain(result.Entities, e => e.Type == "Location");
    }

    [Theory]
    [InlineData("荣耀的新款手机搭载了高通的骁龙8 Gen 3芯片。", "骁龙8 Gen 3")]
    [InlineData("高通发布骁龙8 Elite移动平台。", "骁龙8 Elite")]
    [InlineData("黑芝麻智能推出了武当C1200系列芯片。", "武当C1200")]
    public void A_series_name_with_its_version_or_model_code_is_one_product(string text, string name)
    {
        var result = fixture.Extract(text);
        Assert.True(result.HasEntity(name), string.Join(", ", result.Entities.Select(e => $"{e.Type}:{e.Name}")));
        Assert.Equal("Product", result.Entity(name).Type);
    }
}
