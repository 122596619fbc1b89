using System.Security.Cryptography;
using System.Text;

namespace KnowledgeGraph.Model;

/// <summary>
/// An article is the same article when its URL is the same; without a URL, when its text is the same.
/// A changed text under a known URL is a new version that replaces the old one.
/// </summary>
public static class ArticleIdentity
{
    public static string ContentHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string IdOf(ArticleInfo article) =>
        string.IsNullOrWhiteSpace(article.Url)
            ? "a:" + article.ContentHash[..Math.Min(32, article.ContentHash.Length)]
            : "a:" + ContentHash(article.Url.Trim())[..32];
}
