using KnowledgeGraph.Model;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>
/// Builds an extraction result by hand, the way the extractor would report an article, so that the query side can be
/// tested on a known graph. Mentions and evidence get consecutive spans of a text made from their own words.
/// </summary>
public sealed class NewsArticle(string url, DateTime publishedAt, string title)
{
    private readonly List<ExtractedEntity> _entities = [];
    private readonly List<ExtractedRelation> _relations = [];
    private readonly List<ExtractedDeal> _deals = [];
    private readonly List<string> _sentences = [];
    private int _offset;

    public NewsArticle Entity(string id, string type, string name, string? chineseName, params string[] aliases)
    {
        var mention = Sentence(chineseName ?? name);
        _entities.Add(new ExtractedEntity(id, type, name, chineseName, [name, .. chineseName is null ? [] : new[] { chineseName }, .. aliases], [mention]));
        return this;
    }

    public NewsArticle Relation(string type, string subject, string @object, string sentence, double confidence = 0.9,
        RelationAttributes? attributes = null)
    {
        _relations.Add(new ExtractedRelation(type, subject, @object, confidence, Sentence(sentence), attributes ?? RelationAttributes.None));
        return this;
    }

    /// <summary>A deal-type relation and its deal, as the extractor reports both.</summary>
    public NewsArticle Deal(string kind, string subject, string subjectRole, string @object, string objectRole, string sentence,
        decimal? amount = null, string? currency = null, string? date = null, string? round = null, bool? lead = null)
    {
        var attributes = new RelationAttributes(Amount: amount, Currency: currency, Round: round, Lead: lead, Date: date);
        Relation(kind, subject, @object, sentence, 0.9, attributes);
        _deals.Add(new ExtractedDeal(kind, [new DealParty(subject, subjectRole), new DealParty(@object, objectRole)],
            amount, currency, round, date, 0.9, _relations[^1].Evidence));
        return this;
    }

    public ExtractionResult Build()
    {
        var text = string.Join("\n", _sentences) + "\n" + title + "\n" + url;
        var article = new ArticleInfo("test:" + url, ArticleIdentity.ContentHash(text), title, url, publishedAt);
        return new ExtractionResult(article, [.. _entities], [.. _relations], [.. _deals]);
    }

    public string Id => ArticleIdentity.IdOf(Build().Article);

    private TextSpan Sentence(string text)
    {
        _sentences.Add(text);
        var span = new TextSpan(_offset, _offset + text.EnumerateRunes().Count(), text);
        _offset = span.End + 1;
        return span;
    }
}
