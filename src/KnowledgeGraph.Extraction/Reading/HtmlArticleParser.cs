using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KnowledgeGraph.Extraction.Reading;

/// <summary>
/// The main text of a news page: the article element (or the block with most paragraph text), without scripts,
/// navigation, headers, footers, comment and share widgets. Paragraphs are separated by blank lines; an item of a
/// list opens with a bullet.
/// </summary>
public static class HtmlArticleParser
{
    private static readonly string[] FurnitureTags = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button", "svg", "template", "select"];

    private static readonly string[] FurnitureMarkers = ["comment", "share", "related", "sidebar", "footer", "header", "nav", "menu", "breadcrumb", "login", "advert", "recommend", "social", "toolbar", "copyright"];

    private static readonly string[] BlockTags = ["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "SECTION", "ARTICLE", "TR", "BR", "PRE", "FIGCAPTION"];

    public static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 4096 ? text[..4096] : text;
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
               || head.Contains("<!doctype", StringComparison.OrdinalIgnoreCase) || head.Contains("<p", StringComparison.OrdinalIgnoreCase)
               || head.Contains("<article", StringComparison.OrdinalIgnoreCase) || head.Contains("<div", StringComparison.OrdinalIgnoreCase);
    }

    public static Article Parse(string html, string source)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var title = document.QuerySelector("h1")?.TextContent.Trim() is { Length: > 0 } h1 ? CollapseSpaces(h1) : WithoutSiteName(document.Title);
        var publishedAt = FindPublicationDate(document);
        var url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
                  ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content");

        foreach (var element in document.All.Where(IsFurniture).ToList())
            element.Remove();

        var main = document.QuerySelector("article") ?? document.QuerySelector("main") ?? DensestBlock(document) ?? document.Body;
        var text = main is null ? "" : BlockText(main);
        if (text.Trim().Length == 0) throw new ArticleReadException(source, "HTML page has no article text");
        text = WithTitle(text, title);
        return new Article(source, text, string.IsNullOrEmpty(title) ? null : title, publishedAt, url);
    }

    /// <summary>
    /// The headline is the article's first line, as in a plain-text article: pages often set it apart from the body
    /// (a header above the article element, or only the document title), and it says what the article is about
    /// (「前OpenAI研究员林霁加盟月之暗面」 over a body that names the company only as 该公司).
    /// </summary>
    private static string WithTitle(string text, string? title)
    {
        if (string.IsNullOrEmpty(title)) return text;
        var head = text.Length > TitleSearchLimit ? text[..TitleSearchLimit] : text;
        return head.Contains(title, StringComparison.Ordinal) ? text : $"{title}\n\n{text}";
    }

    private const int TitleSearchLimit = 200;

    /// <summary>A document title ends with the site's name after a separator (「…追加40亿美元投资_新浪科技_新浪网」, 「… - 新闻中心」).</summary>
    private static string? WithoutSiteName(string? title)
    {
        if (title is null) return null;
        var headline = title.Trim();
        foreach (var separator in TitleSeparators)
        {
            var at = headline.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0) headline = headline[..at].Trim();
        }
        return CollapseSpaces(headline);
    }

    private static readonly string[] TitleSeparators = ["_", " - ", " – ", " — ", " | "];

    private static bool IsFurniture(IElement element)
    {
        if (FurnitureTags.Contains(element.LocalName)) return true;
        var marker = $"{element.ClassName} {element.Id}".ToLowerInvariant();
        return marker.Trim().Length > 0 && FurnitureMarkers.Any(marker.Contains) && element.LocalName is not ("article" or "main" or "body" or "html");
    }

    /// <summary>The element whose direct paragraphs hold the most text; news bodies are runs of sibling &lt;p&gt;.</summary>
    private static IElement? DensestBlock(IDocument document) =>
        document.QuerySelectorAll("p")
            .Select(p => p.ParentElement)
            .Where(parent => parent is not null)
            .GroupBy(parent => parent!)
            .Select(group => (Element: group.Key, Length: group.Key.Children.Where(c => c.LocalName == "p").Sum(c => c.TextContent.Length)))
            .OrderByDescending(x => x.Length)
            .Select(x => x.Element)
            .FirstOrDefault();

    /// <summary>Walks the tree without recursion (deeply nested pages must not overflow the stack).</summary>
    private static string BlockText(INode root)
    {
        var builder = new StringBuilder();
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            var isBlock = node is IElement element && BlockTags.Contains(element.TagName);
            if (closing)
            {
                if (node is IElement { TagName: "LI" }) DropEmptyItem(builder);
                if (isBlock) EndParagraph(builder);
                continue;
            }
            if (node.NodeType == NodeType.Text)
            {
                builder.Append(CollapseSpaces(node.TextContent));
                continue;
            }
            if (isBlock) EndParagraph(builder);
            // An item of a list keeps its bullet, as in a text: an item is about its own company, not the one before it.
            if (node is IElement { TagName: "LI" }) builder.Append(ListBullet);
            stack.Push((node, true));
            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                stack.Push((child, false));
        }
        return builder.ToString().Trim();
    }

    private const string ListBullet = "• ";

    /// <summary>An item without text (an icon's, a spacer's) leaves no bullet behind.</summary>
    private static void DropEmptyItem(StringBuilder builder)
    {
        var end = builder.Length;
        while (end > 0 && builder[end - 1] == ' ') end--;
        if (end > 0 && builder[end - 1] == ListBullet[0] && (end == 1 || builder[end - 2] == '\n')) builder.Length = end - 1;
    }

    private static void EndParagraph(StringBuilder builder)
    {
        while (builder.Length > 0 && builder[^1] == ' ') builder.Length--;
        // A bullet waiting for its item's text (<li><p>…</p></li>) stays on the line the text goes on.
        if (builder.Length > 0 && builder[^1] == ListBullet[0] && (builder.Length == 1 || builder[^2] == '\n'))
        {
            builder.Append(' ');
            return;
        }
        if (builder.Length == 0 || builder.ToString(Math.Max(0, builder.Length - 2), Math.Min(2, builder.Length)) == "\n\n") return;
        builder.Append(builder[^1] == '\n' ? "\n" : "\n\n");
    }

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length == 0 || builder[^1] != ' ') builder.Append(' ');
            }
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static DateTime? FindPublicationDate(IDocument document)
    {
        string?[] candidates =
        [
            document.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content"),
            document.QuerySelector("meta[name=pubdate]")?.GetAttribute("content"),
            document.QuerySelector("meta[name=publishdate]")?.GetAttribute("content"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
            document.QuerySelector("time")?.TextContent,
        ];
        foreach (var candidate in candidates)
        {
            if (candidate is not null && PublicationDate.TryParse(candidate.Trim(), out var date)) return date;
        }
        return null;
    }
}
