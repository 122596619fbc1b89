using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Limits;
using KnowledgeGraph.Api.Ingestion;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Api.GraphQL.Types;

public sealed class ArticleInput
{
    public string? Title { get; set; }
    public string Text { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    public string? Url { get; set; }
    public string? Source { get; set; }
}

public sealed class ArticleInputGraphType : InputObjectGraphType<ArticleInput>
{
    public ArticleInputGraphType()
    {
        Name = "ArticleInput";
        Field<StringGraphType>("title");
        Field<NonNullGraphType<StringGraphType>>("text").Description("The article body; evidence offsets point into it.");
        Field<DateTimeGraphType>("publishedAt");
        Field<StringGraphType>("url").Description("Absolute http(s) URL; the same URL with a changed text replaces the old version.");
        Field<StringGraphType>("source").Description("Where the article came from; defaults to the URL.");
    }

    public static Article ToArticle(ArticleInput input, string path, int maxNameLength)
    {
        if (string.IsNullOrWhiteSpace(input.Text))
            throw GraphErrors.Error(GraphErrors.InvalidArgument, $"{path}.text is empty.");
        ArgumentText.Check(input.Text, $"{path}.text", maxLength: null);
        ArgumentText.Check(input.Title, $"{path}.title", maxNameLength);
        ArgumentText.Check(input.Url, $"{path}.url", maxNameLength);
        ArgumentText.Check(input.Source, $"{path}.source", maxNameLength);
        var url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw GraphErrors.Error(GraphErrors.InvalidArgument, $"{path}.url '{url}' is not an absolute http(s) URL.");
        var title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim();
        var source = input.Source ?? url ?? "graphql:" + ArticleIdentity.ContentHash(input.Text)[..16];
        return new Article(source, input.Text, title, input.PublishedAt, url);
    }
}

public sealed class IngestStatusEnum : EnumerationGraphType<IngestStatus>
{
    public IngestStatusEnum()
    {
        Name = "IngestStatus";
    }
}

public sealed class IngestResultGraphType : ObjectGraphType<IngestedArticle>
{
    public IngestResultGraphType()
    {
        Name = "IngestResult";
        Description = "What one article contributed: its id, whether it was new, and what the extractor found in it.";
        Field<NonNullGraphType<IdGraphType>>("articleId").Resolve(c => c.Source.Outcome.ArticleId);
        Field<NonNullGraphType<IngestStatusEnum>>("status").Resolve(c => c.Source.Outcome.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FoundEntityGraphType>>>>("entities").Resolve(c => c.Source.Extraction.Entities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FoundRelationGraphType>>>>("relations").Resolve(c => c.Source.Extraction.Relations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FoundDealGraphType>>>>("deals").Resolve(c => c.Source.Extraction.Deals);
    }
}

public sealed class FoundEntityGraphType : ObjectGraphType<ExtractedEntity>
{
    public FoundEntityGraphType()
    {
        Name = "FoundEntity";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EntityTypeEnum>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("chineseName").Resolve(c => c.Source.ChineseName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Aliases);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TextSpanGraphType>>>>("mentions").Resolve(c => c.Source.Mentions);
    }
}

public sealed class FoundRelationGraphType : ObjectGraphType<ExtractedRelation>
{
    public FoundRelationGraphType()
    {
        Name = "FoundRelation";
        Field<NonNullGraphType<RelationTypeEnum>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<IdGraphType>>("objectId").Resolve(c => c.Source.Object);
        Field<NonNullGraphType<FloatGraphType>>("confidence").Resolve(c => c.Source.Confidence);
        Field<NonNullGraphType<RelationAttributesGraphType>>("attributes").Resolve(c => c.Source.Attributes);
        Field<NonNullGraphType<TextSpanGraphType>>("evidence").Resolve(c => c.Source.Evidence);
    }
}

public sealed class FoundDealGraphType : ObjectGraphType<ExtractedDeal>
{
    public FoundDealGraphType()
    {
        Name = "FoundDeal";
        Field<NonNullGraphType<DealKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FoundDealPartyGraphType>>>>("parties").Resolve(c => c.Source.Parties);
        Field<DecimalGraphType>("amount").Resolve(c => c.Source.Amount);
        Field<StringGraphType>("currency").Resolve(c => c.Source.Currency);
        Field<StringGraphType>("round").Resolve(c => c.Source.Round);
        Field<StringGraphType>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<FloatGraphType>>("confidence").Resolve(c => c.Source.Confidence);
        Field<NonNullGraphType<TextSpanGraphType>>("evidence").Resolve(c => c.Source.Evidence);
    }
}

public sealed class FoundDealPartyGraphType : ObjectGraphType<DealParty>
{
    public FoundDealPartyGraphType()
    {
        Name = "FoundDealParty";
        Field<NonNullGraphType<IdGraphType>>("entityId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<StringGraphType>>("role").Resolve(c => c.Source.Role);
    }
}
