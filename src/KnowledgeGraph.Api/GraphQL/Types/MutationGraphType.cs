using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.Ingestion;
using KnowledgeGraph.Extraction.Reading;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>Every mutation needs an API key; the HTTP endpoint refuses keyless mutations before they reach here.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";

        Field<NonNullGraphType<IngestResultGraphType>>("ingestArticle")
            .Description("Extracts one article and stores what was found; the same article again changes nothing.")
            .Argument<NonNullGraphType<ArticleInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var article = ArticleInputGraphType.ToArticle(c.GetArgument<ArticleInput>("input"), "input", Limits(c).MaxArgumentLength);
                var ingested = await IngestAsync(c, [article]);
                return ingested[0];
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IngestResultGraphType>>>>("ingestArticles")
            .Description("Extracts and stores a batch of articles in one transaction.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleInputGraphType>>>>("inputs")
            .ResolveAsync(async c =>
            {
                var inputs = c.GetArgument<List<ArticleInput>>("inputs");
                var limits = Limits(c);
                var limit = limits.MaxArticlesPerBatch;
                if (inputs.Count == 0 || inputs.Count > limit)
                    throw GraphErrors.Error(GraphErrors.InvalidArgument, $"inputs must hold 1 to {limit} articles; got {inputs.Count}.");
                var articles = inputs.Select((input, i) => ArticleInputGraphType.ToArticle(input, $"inputs[{i}]", limits.MaxArgumentLength)).ToList();
                return await IngestAsync(c, articles);
            });

        Field<NonNullGraphType<EntityGraphType>>("mergeEntities")
            .Description("Moves every relation, mention and alias of `drop` onto `keep`; re-ingestion keeps them merged.")
            .Argument<NonNullGraphType<IdGraphType>>("keep")
            .Argument<NonNullGraphType<IdGraphType>>("drop")
            .ResolveAsync(async c =>
            {
                var keep = c.GetArgument<string>("keep");
                var drop = c.GetArgument<string>("drop");
                if (keep == drop)
                    throw GraphErrors.Error(GraphErrors.InvalidArgument, $"keep and drop are the same entity '{keep}'.");
                return await c.Store().MergeEntitiesAsync(keep, drop, c.CancellationToken);
            });

        Field<NonNullGraphType<IdGraphType>>("deleteArticle")
            .Description("Removes an article's evidence, and relations and entities nothing else supports; answers the id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                if (!await c.Store().DeleteArticleAsync(id, c.CancellationToken))
                    throw GraphErrors.Error(GraphErrors.NotFound, $"No article has id '{id}'.");
                return id;
            });
    }

    private static QueryLimits Limits(IResolveFieldContext context) =>
        context.Service<IOptions<KnowledgeGraphOptions>>().Value.Limits;

    private static async Task<IReadOnlyList<IngestedArticle>> IngestAsync(IResolveFieldContext context, IReadOnlyList<Article> articles)
    {
        try
        {
            return await context.Service<ArticleIngestor>().IngestAsync(articles, context.CancellationToken);
        }
        catch (ExtractionFailedException error)
        {
            throw GraphErrors.Error(GraphErrors.ExtractionFailed, error.Message + " Nothing was stored.");
        }
    }
}
