namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// How unknown names get their type from all their contexts, and which phrases are no names at all. The names
/// are made up, so that only the mechanisms can find them.
/// </summary>
[Collection(PipelineCollection.Name)]
public class EntityTypingTests(PipelineFixture fixture)
{
    [Fact]
    public void A_platform_cue_gives_way_to_the_company_cues_of_the_same_name()
    {
        var result = fixture.Extract("美国出行平台Zorvex宣布进入欧洲市场。Zorvex CEO表示，Zorvex今年还将扩大车队。");
        var zorvex = Assert.Single(result.Entities, e => e.Name == "Zorvex");
        Assert.Equal("Organization", zorvex.Type);
    }

    [Fact]
    public void A_name_seen_only_after_a_platform_cue_stays_a_product()
    {
        var result = fixture.Extract("该公司推出了开发者平台Quillora，用户可以在上面训练模型。");
        Assert.Equal("Product", result.Entity("Quillora").Type);
    }

    [Fact]
    public void Names_listed_before_etc_and_a_product_noun_are_products()
    {
        var result = fixture.Extract("这家公司一边销售Quarnel、Brightwell等AI加速卡，一边授权自己的设计。");
        Assert.Equal("Product", result.Entity("Quarnel").Type);
        Assert.Equal("Product", result.Entity("Brightwell").Type);
    }

    [Fact]
    public void A_transliterated_name_keeps_its_last_syllable_before_a_bracket()
    {
        var result = fixture.Extract("这家公司由维克拉姆·贾因（Vikram Jain）于2020年创办。");
        Assert.Equal("Person", result.Entity("维克拉姆·贾因").Type);
        Assert.False(result.HasEntity("维克拉姆·贾"));
    }

    [Fact]
    public void A_given_name_that_is_also_an_adjective_is_a_name_after_a_title()
    {
        var result = fixture.Extract("星链视觉创始人兼CEO林宏伟此前曾在一家手机厂商任职。");
        Assert.Equal("Person", result.Entity("林宏伟").Type);
    }

    [Theory]
    [InlineData("挪威机器人公司Nordrobo宣布完成新一轮融资。", "挪威机器人公司")]
    [InlineData("全球三大唱片公司都在关注这场诉讼。", "三大唱片公司")]
    [InlineData("这家巨头这次选择了不买公司，只签授权。", "不买公司")]
    [InlineData("双方将联合开发高阶智能驾驶软件。", "高阶智能")]
    public void Descriptions_that_end_like_an_organization_are_no_names(string text, string phrase)
    {
        Assert.False(fixture.Extract(text).HasEntity(phrase));
    }

    [Fact]
    public void A_company_noun_before_a_latin_name_outweighs_a_given_name()
    {
        var result = fixture.Extract("OpenAI收购了初创公司Alex Widgets，其团队将加入OpenAI。");
        Assert.Equal("Organization", result.Entity("Alex Widgets").Type);
    }

    [Fact]
    public void A_term_introduced_as_a_company_and_spelled_in_brackets_is_the_company()
    {
        var result = fixture.Extract("据报道，这款产品背后的公司万有引力（Universal Gravity）已完成一轮融资。");
        var company = result.Entity("Universal Gravity");
        Assert.Equal("Organization", company.Type);
        Assert.Contains("万有引力", company.Aliases);
    }

    [Fact]
    public void A_known_company_listed_among_products_is_its_platform_there()
    {
        var listed = fixture.Extract("新助手已整合进Facebook、Instagram、WhatsApp和Messenger。");
        Assert.Equal("Product", listed.Entity("Facebook").Type);
        var employer = fixture.Extract("他此前在Facebook工作多年，负责基础设施团队。");
        Assert.Equal("Organization", employer.Entity("Facebook").Type);
    }

    [Fact]
    public void A_dotted_name_before_an_organization_ending_is_no_person()
    {
        var result = fixture.Extract("这所研究所由卡尔·施耐德基金会出资建设。");
        Assert.DoesNotContain(result.Entities, e => e.Type == "Person" && e.Name.Contains("施耐德"));
    }

    [Fact]
    public void A_known_short_name_follows_the_person_the_article_names_in_full()
    {
        var result = fixture.Extract("Reddit由史蒂夫·霍夫曼（Steve Huffman）创办。霍夫曼表示，公司将继续授权数据。");
        Assert.False(result.HasEntity("Reid Hoffman"));
        Assert.Contains("霍夫曼", result.Entity("Steve Huffman").Aliases);
    }

    [Fact]
    public void A_licence_named_after_an_organization_is_no_mention_of_it()
    {
        var result = fixture.Extract("该公司发布了新模型，并以MIT许可证开源。");
        Assert.False(result.HasEntity("MIT"));
    }

    [Fact]
    public void A_category_before_a_capitalised_name_makes_it_a_product()
    {
        var result = fixture.Extract("英伟达正在研发的数据中心CPU Vantor基于Arm架构。");
        Assert.Equal("Product", result.Entity("Vantor").Type);
        Assert.False(result.HasEntity("CPU Vantor"));
    }

    [Fact]
    public void A_name_whose_developer_is_named_after_it_is_a_product()
    {
        var result = fixture.Extract("2023年，汤森路透收购了Lexora的开发商Casewise。");
        Assert.Equal("Product", result.Entity("Lexora").Type);
    }

    [Fact]
    public void An_ampersand_between_words_keeps_an_english_name_whole()
    {
        var result = fixture.Extract("本轮由富达（Fidelity Management & Research）领投。");
        Assert.Contains("Fidelity Management & Research", result.Entity("Fidelity").Aliases);
    }

    [Fact]
    public void Jia_inside_a_given_name_does_not_end_it()
    {
        var result = fixture.Extract("星河智能的首席执行官为唐家渝。");
        Assert.Equal("Person", result.Entity("唐家渝").Type);
    }

    [Fact]
    public void Capitalised_words_enumerated_after_an_organization_are_an_organization()
    {
        var result = fixture.Extract("本轮由Menlo Ventures领投，红杉资本、Kestrel Harbor以及老股东参投。");
        Assert.Equal("Organization", result.Entity("Kestrel Harbor").Type);
    }

    [Fact]
    public void Investment_and_media_words_make_an_english_name_an_organization()
    {
        var result = fixture.Extract("布尔达集团旗下的Corvell Principal Investments也参与了本轮融资。");
        Assert.Equal("Organization", result.Entity("Corvell Principal Investments").Type);
    }
}
