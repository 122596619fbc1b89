using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Normalisation;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Tests;

public class NormalisationTests
{
    private static Document Normalise(string text)
    {
        var document = new Document(new Article("t", text, null, null, null));
        new TextNormaliser().Process(document);
        new SentenceSplitter(new PageFurniture(new LanguageResources())).Process(document);
        return document;
    }

    [Fact]
    public void Full_width_letters_and_odd_spaces_are_folded_and_offsets_kept()
    {
        var document = Normalise("ＯｐｅｎＡＩ\u3000发布ＧＰＴ－５。");
        Assert.Equal("OpenAI 发布GPT-5。", document.Text);
        var gpt = document.Text.IndexOf("GPT", StringComparison.Ordinal);
        Assert.Equal("ＧＰＴ", document.Article.Text[document.OriginalIndex[gpt]..(document.OriginalIndex[gpt + 2] + 1)]);
    }

    [Fact]
    public void A_line_break_inside_a_sentence_is_joined_and_mapped_back()
    {
        var document = Normalise("微软宣布投资\nMistral AI。\n\n第二段。");
        Assert.StartsWith("微软宣布投资Mistral AI。", document.Text);
        Assert.Equal(2, document.Sentences.Count);
        var mistral = document.Text.IndexOf("Mistral", StringComparison.Ordinal);
        Assert.Equal('M', document.Article.Text[document.OriginalIndex[mistral]]);
    }

    [Fact]
    public void A_title_without_a_blank_line_after_it_is_not_joined_to_the_first_sentence()
    {
        var article = PlainTextArticleParser.Parse("2024-06-22 10:30\nOpenAI收购Rockset\nOpenAI于6月21日宣布收购Rockset。", "t");
        var document = new Document(article);
        new TextNormaliser().Process(document);
        new SentenceSplitter(new PageFurniture(new LanguageResources())).Process(document);
        var sentences = document.Sentences.Select(s => document.Slice(s.Range.Start, s.Range.End)).ToList();
        Assert.Equal(["OpenAI收购Rockset", "OpenAI于6月21日宣布收购Rockset。"], sentences);
    }

    [Fact]
    public void A_round_up_headline_after_a_section_mark_is_not_joined_to_the_paragraph_under_it()
    {
        var document = Normalise("【融资】澜渊科技获2亿元A轮融资，云起资本领投\n从清华大学分拆出来的澜渊科技宣布完成融资。");
        var sentences = document.Sentences.Select(s => document.Slice(s.Range.Start, s.Range.End)).ToList();
        // The label that opens a list item is no sentence's part either: the item's company starts its sentence.
        Assert.Equal(["澜渊科技获2亿元A轮融资，云起资本领投", "从清华大学分拆出来的澜渊科技宣布完成融资。"], sentences);
    }

    [Fact]
    public void Sentences_end_at_chinese_terminators_and_keep_closing_quotes()
    {
        var document = Normalise("他说：“我们会加入。”随后离开了会场！还有问题吗？");
        var sentences = document.Sentences.Select(s => document.Slice(s.Range.Start, s.Range.End)).ToList();
        Assert.Equal(["他说：“我们会加入。”", "随后离开了会场！", "还有问题吗？"], sentences);
    }

    [Theory]
    [InlineData("本文链接:https://example.com/1")]
    [InlineData("评论")]
    [InlineData("登录 账号发表你的看法,还没有账号?立即免费 注册")]
    [InlineData("分享")]
    [InlineData("点赞")]
    [InlineData("3.8万")]
    [InlineData("编辑:小迪")]
    [InlineData("转载请注明文章出处")]
    public void Page_furniture_yields_no_sentence(string line)
    {
        var document = Normalise($"微软宣布新计划。\n{line}\n");
        Assert.Single(document.Sentences);
    }
}
