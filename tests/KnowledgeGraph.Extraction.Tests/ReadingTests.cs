using System.Text;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Tests;

public class ReadingTests
{
    static ReadingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Body = "2024-03-22 03:37\n\n微软聘请苏莱曼\n\n微软宣布，苏莱曼将加入微软。\n";

    [Fact]
    public void Plain_text_gives_date_title_and_the_whole_text()
    {
        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(Body), "a.txt").Single();
        Assert.Equal(new DateTime(2024, 3, 22, 3, 37, 0), article.PublishedAt);
        Assert.Equal("微软聘请苏莱曼", article.Title);
        Assert.Equal(Body, article.Text);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("gb18030")]
    public void Encodings_are_detected_from_the_bytes(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8-bom" => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Body)).ToArray(),
            "utf-16le" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Body)).ToArray(),
            "utf-16be" => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Body)).ToArray(),
            _ => Encoding.GetEncoding("gb18030").GetBytes(Body),
        };
        Assert.Equal(Body, ArticleReader.Read(bytes, "article.bin").Single().Text);
    }

    [Fact]
    public void Json_article_carries_its_fields()
    {
        var json = """{"title":"标题","text":"微软投资了Mistral AI。","publishedAt":"2024-02-26T08:00:00","url":"https://example.com/a"}""";
        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(json), "a.json").Single();
        Assert.Equal("微软投资了Mistral AI。", article.Text);
        Assert.Equal("https://example.com/a", article.Url);
        Assert.Equal(new DateTime(2024, 2, 26, 8, 0, 0), article.PublishedAt);
    }

    [Fact]
    public void Json_lines_give_one_article_per_line()
    {
        var jsonl = "{\"text\":\"甲\"}\n{\"text\":\"乙\"}\n";
        Assert.Equal(["甲", "乙"], ArticleReader.Read(Encoding.UTF8.GetBytes(jsonl), "a.jsonl").Select(a => a.Text));
    }

    [Theory]
    [InlineData("""{"title":"x"}""", "no 'text' field")]
    [InlineData("""{"text":12}""", "'text' must be a string")]
    [InlineData("""{"text":" \n\t "}""", "'text' is empty")]
    [InlineData("""{"text":"x","publishedAt":"2024-02-30"}""", "'publishedAt' is not a date")]
    [InlineData("""{"text":"x" """, "malformed JSON")]
    public void Bad_json_is_named_and_explained(string json, string reason)
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.Read(Encoding.UTF8.GetBytes(json), "bad.json"));
        Assert.Contains("bad.json", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Html_yields_the_article_text_without_page_furniture()
    {
        const string html = """
            <!DOCTYPE html><html><head><title>站点</title><script>var tracking = "微软";</script></head>
            <body><nav><a href="/">首页</a><a href="/ai">谷歌专栏</a></nav>
            <article><h1>微软投资Mistral AI</h1><p>微软宣布向Mistral AI投资1500万欧元。</p><p>双方将展开合作。</p></article>
            <div class="comments">登录后评论：苹果公司</div><footer>版权所有 百度</footer></body></html>
            """;
        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(html), "page.html").Single();
        Assert.Contains("微软宣布向Mistral AI投资1500万欧元。", article.Text);
        Assert.Contains("双方将展开合作。", article.Text);
        Assert.DoesNotContain("tracking", article.Text);
        Assert.DoesNotContain("谷歌专栏", article.Text);
        Assert.DoesNotContain("苹果公司", article.Text);
        Assert.DoesNotContain("百度", article.Text);
    }

    [Fact]
    public void Deeply_nested_html_is_read_without_overflowing_the_stack()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + "<p>微软投资了OpenAI。</p>" + string.Concat(Enumerable.Repeat("</div>", 20_000)) + "</body></html>";
        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(html), "deep.html").Single();
        Assert.Contains("微软投资了OpenAI。", article.Text);
    }

    [Fact]
    public void Empty_binary_and_invalid_files_get_a_clear_error()
    {
        Assert.Contains("empty", Assert.Throws<ArticleReadException>(() => ArticleReader.Read([], "empty.txt")).Message);
        Assert.Contains("binary", Assert.Throws<ArticleReadException>(() => ArticleReader.Read([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], "image.png")).Message);
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        random = random.Select(b => b == 0 ? (byte)1 : b).ToArray();
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.Read(random, "noise.txt"));
        Assert.Contains("noise.txt", error.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile("/nonexistent/article.txt"));
        Assert.Contains("/nonexistent/article.txt", error.Message);
    }
}
