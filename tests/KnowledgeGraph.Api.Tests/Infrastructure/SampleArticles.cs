using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>The project's own sample articles (samples/*.txt), as a client would send them to ingestArticle.</summary>
public static class SampleArticles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples");

    public static IReadOnlyList<Article> Read()
    {
        var articles = ArticleReader.EnumerateFiles([Folder]).SelectMany(ArticleReader.ReadFile).ToList();
        Assert.True(articles.Count >= 5, $"expected the sample articles in {Folder}");
        return articles;
    }

    public static object[] AsInputs() =>
        Read().Select(a => (object)new { title = a.Title, text = a.Text, publishedAt = a.PublishedAt }).ToArray();
}
