using System.Text;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Normalisation;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Where the items of a list or round-up begin: nothing said before one is carried into it.</summary>
public class ArticleItemsTests
{
    private static readonly LanguageResources Resources = new();

    private static Document Read(string text, string? title = null)
    {
        var document = new Document(new Article("t", text, title, null, null));
        new TextNormaliser().Process(document);
        new SentenceSplitter(new PageFurniture(Resources)).Process(document);
        new ArticleItems(Resources).Process(document);
        return document;
    }

    [Fact]
    public void Numbered_items_and_bracket_headers_open_items()
    {
        var document = Read("AI投融资周报\n本周共有三起融资。\n1. 星岩智能完成A轮融资。\n2. 澜川科技完成天使轮融资。\n【穹芯微】\n本轮由深创投独家投资。", "AI投融资周报");
        Assert.Equal([2, 3, 4], document.ItemStarts);
        Assert.True(document.Separates(2, 3));
        Assert.Equal(-1, document.ParagraphBefore(3));
        Assert.Equal(4, document.ParagraphBefore(5));
    }

    [Fact]
    public void A_heading_line_opens_a_section_whose_paragraph_goes_on_from_it()
    {
        var document = Read("本周融资盘点\n在刚刚过去的一周里，赛道依然火热。\n星海芯算完成5亿元C轮融资\n星海芯算是一家专注于存算一体芯片的公司，本轮融资由中芯聚源领投，国开科创跟投。", "本周融资盘点");
        Assert.Contains(2, document.ItemStarts);
        Assert.DoesNotContain(3, document.ItemStarts);
    }

    [Fact]
    public void A_round_up_with_item_headings_keeps_an_items_paragraphs_together()
    {
        var document = Read("投融资周报｜本周三起AI交易\n一、月之暗面完成新一轮融资\n月之暗面宣布完成新一轮融资，由腾讯领投，高榕创投、红杉中国等老股东跟投，投后估值超过40亿美元。\n公司创始人杨植麟表示，资金将用于训练。\n二、清程极智获得天使轮融资\n这家推理引擎公司本轮由启明创投独家投资，资金将用于推理引擎的研发与商业化。", "投融资周报｜本周三起AI交易");
        Assert.Equal([1, 4], document.ItemStarts);
    }

    [Fact]
    public void Every_paragraph_of_a_round_up_is_an_item_but_ordinary_paragraphs_stay_joined()
    {
        const string body = "\n商汤科技发布日日新V6大模型，新增多模态推理能力。\n驭衡智能完成B轮融资，投资方包括元禾控股。\n智谱宣布与三星达成合作。";
        Assert.Equal([2, 3], Read("早报｜AI圈昨日要闻" + body, "早报｜AI圈昨日要闻").ItemStarts.Where(p => p > 1));
        Assert.DoesNotContain(Read("一周三变：Windsurf创始人投奔谷歌" + body, "一周三变：Windsurf创始人投奔谷歌").ItemStarts, p => p > 1);
    }

    [Fact]
    public void An_html_list_item_keeps_its_bullet_and_an_empty_one_leaves_none()
    {
        const string html = "<html><body><article><p>同期还有两笔融资：</p><ul><li>青简：获得英诺天使基金投资。</li><li><p>算丰：本轮由峰瑞资本领投。</p></li><li> </li></ul><p>完。</p></article></body></html>";
        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(html), "page.html").Single();
        Assert.Equal("同期还有两笔融资：\n\n• 青简：获得英诺天使基金投资。\n\n• 算丰：本轮由峰瑞资本领投。\n\n完。", article.Text);
        var document = Read(article.Text);
        Assert.Equal([1, 2], document.ItemStarts);
    }

    [Theory]
    [InlineData("【灵初智能】完成数亿元A轮融资。", "灵初智能】完成数亿元A轮融资。")]
    [InlineData("【发布】百度发布文心大模型5.0。", "百度发布文心大模型5.0。")]
    public void A_bracket_label_before_a_predicate_is_the_items_subject(string line, string sentence)
    {
        var document = new Document(new Article("t", line, null, null, null));
        var predicates = Resources.Lines("normalisation/bracket-subject-predicates.txt").Select(l => l.Trim()).ToList();
        new SentenceSplitter(new PageFurniture(Resources), predicates).Process(document);
        Assert.Equal(sentence, document.Slice(document.Sentences[0].Range.Start, document.Sentences[0].Range.End));
    }
}
