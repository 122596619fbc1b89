using System.Text;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Normalisation;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>The shapes of whole articles: round-up items, link lists, page titles, speech and interview turns.</summary>
[Collection(PipelineCollection.Name)]
public class ArticleShapeTests(PipelineFixture fixture)
{
    private static List<string> Sentences(string text)
    {
        var document = new Document(new Article("t", text, null, null, null));
        new TextNormaliser().Process(document);
        new SentenceSplitter(new PageFurniture(new LanguageResources())).Process(document);
        return document.Sentences.Select(s => document.Slice(s.Range.Start, s.Range.End)).ToList();
    }

    [Fact]
    public void A_short_headline_line_is_not_joined_to_the_longer_paragraph_under_it()
    {
        var sentences = Sentences("本周融资盘点。\n星海芯算完成5亿元C轮融资\n星海芯算是一家专注于存算一体芯片的公司，本轮融资由中芯聚源领投，国开科创跟投。");
        Assert.Contains("星海芯算完成5亿元C轮融资", sentences);
    }

    [Theory]
    [InlineData("3. 墨羽机器人获得1.5亿元B轮融资。", "墨羽机器人获得1.5亿元B轮融资。")]
    [InlineData("二、无问芯穹完成A轮融资。", "无问芯穹完成A轮融资。")]
    [InlineData("• 深言科技：获蓝驰创投投资。", "深言科技：获蓝驰创投投资。")]
    [InlineData("【融资】Liquid AI获2.5亿美元A轮融资", "Liquid AI获2.5亿美元A轮融资")]
    [InlineData("1.5亿元的B轮融资已到账。", "1.5亿元的B轮融资已到账。")]
    public void A_list_items_number_or_label_belongs_to_no_sentence(string line, string sentence)
    {
        Assert.Equal([sentence], Sentences($"{line}\n"));
    }

    [Fact]
    public void Lines_of_a_list_of_links_are_furniture_but_an_item_list_is_not()
    {
        var related = Sentences("英伟达发布新芯片。\n相关阅读：\n· AMD发布MI350系列加速器\n\nOpenAI与Figure AI终止合作\n\n这是正文的最后一段。");
        Assert.Equal(["英伟达发布新芯片。", "这是正文的最后一段。"], related);
        var items = Sentences("早报。\n• 云栖动力：完成3亿元B轮融资，由国投创合领投。\n• 知象光电：获得战略投资。");
        Assert.Equal(3, items.Count);
    }

    [Fact]
    public void An_html_headline_outside_the_article_element_opens_the_text()
    {
        const string html = """
            <html><head><title>林霁加盟月之暗面_科技频道_某网</title></head><body>
            <header><h1>前OpenAI研究员林霁加盟月之暗面</h1></header>
            <article><p>林霁已于本月正式入职。</p></article></body></html>
            """;
        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(html), "page.html").Single();
        Assert.StartsWith("前OpenAI研究员林霁加盟月之暗面\n\n林霁已于本月正式入职。", article.Text);
        var withoutHeadline = ArticleReader.Read(Encoding.UTF8.GetBytes(html.Replace("<header><h1>前OpenAI研究员林霁加盟月之暗面</h1></header>", "")), "page.html").Single();
        Assert.Equal("林霁加盟月之暗面", withoutHeadline.Title);
        Assert.StartsWith("林霁加盟月之暗面\n\n", withoutHeadline.Text);
    }

    [Fact]
    public void We_in_a_quotation_is_the_speakers_company_and_i_the_speaker()
    {
        var result = fixture.Extract("智谱CEO张鹏在会上表示：“我们已经完成了由红杉中国领投的B轮融资。”\n“我2018年加入了百度。”张鹏说。");
        Assert.NotNull(result.Relation("INVESTED_IN", "红杉中国", "智谱"));
        Assert.NotNull(result.Relation("JOINED", "张鹏", "百度"));
    }

    [Fact]
    public void An_answer_is_the_interviewees_and_a_question_asserts_nothing()
    {
        var result = fixture.Extract("对话智谱CEO张鹏：开源是长期路线\n问：有报道说腾讯会领投你们的下一轮融资？\n答：没有这回事。我们的投资方是红杉中国。");
        Assert.NotNull(result.Relation("INVESTED_IN", "红杉中国", "智谱"));
        Assert.Null(result.Relation("INVESTED_IN", "腾讯", "智谱"));
    }

    [Fact]
    public void An_interview_headline_names_the_interviewees_organization_before_the_title_and_name()
    {
        var result = fixture.Extract("对话云栖智算CEO许北川：算力租赁不是终点\n云栖智算是一家算力服务商。\n答：我们刚刚完成了3亿元B轮融资，由深创投领投。");
        Assert.Equal("Organization", result.Entity("云栖智算").Type);
        Assert.NotNull(result.Relation("INVESTED_IN", "深创投", "云栖智算"));
    }

    [Fact]
    public void An_interview_headline_whose_names_the_segmenter_cut_together_still_names_the_organization_after_the_opener()
    {
        // 话 of 对话 joins the young company's name and the person is read only later in the text: the organization is 澄岚智能.
        var result = fixture.Extract("对话澄岚智能祁远舟：把大模型卖进县级医院\n\n澄岚智能创始人兼CEO祁远舟曾任阿里健康产品总监。\n\n答：我们的第一款产品“澄问”是病历质控助手。");
        Assert.Equal("Organization", result.Entity("澄岚智能").Type);
        Assert.DoesNotContain(result.Entities, e => e.Name.StartsWith("话"));
    }
}
