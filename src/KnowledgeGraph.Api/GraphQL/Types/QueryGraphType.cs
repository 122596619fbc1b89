using KnowledgeGraph.Api.GraphQL.Loading;
using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";

        Field<NonNullGraphType<EntityGraphType>>("entity")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c =>
            {
                var id = c.GetArgument<string>("id");
                return c.Loaders().Entities.Load(id).Then(entity => entity ?? throw NoEntity(id));
            });

        Field<NonNullGraphType<ConnectionGraphType<EntityGraphType, GraphEntity>>>("entities")
            .Description("Entities by name or alias: Chinese substring or English prefix, case-insensitive, best matches first.")
            .Argument<StringGraphType>("search")
            .Argument<ListGraphType<NonNullGraphType<EntityTypeEnum>>>("types")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Paging.Read(c);
                var search = new EntitySearch(NullIfBlank(c.GetArgument<string?>("search")), c.GetArgument<List<string>?>("types"));
                return (await c.Store().SearchEntitiesAsync(search, page, c.CancellationToken)).ToConnection(page);
            });

        Field<NonNullGraphType<ConnectionGraphType<RelationGraphType, GraphRelation>>>("relations")
            .Argument<ListGraphType<NonNullGraphType<RelationTypeEnum>>>("types")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("entities", "Relations touching any of these entities.")
            .Argument<DirectionEnum>("direction", a => a.DefaultValue = Direction.Both)
            .RangeArguments()
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Paging.Read(c);
                var ranges = c.ReadRanges();
                var filter = new RelationFilter(c.GetArgument<List<string>?>("types"), c.GetArgument<List<string>?>("entities"),
                    c.GetArgument("direction", Direction.Both), ranges.From, ranges.To, ranges.MinAmount, ranges.MaxAmount, ranges.MinConfidence);
                return (await c.Store().FindRelationsAsync(filter, page, c.CancellationToken)).ToConnection(page);
            });

        Field<NonNullGraphType<ConnectionGraphType<DealGraphType, GraphDeal>>>("deals")
            .Argument<ListGraphType<NonNullGraphType<DealKindEnum>>>("kinds")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("parties", "Deals in which any of these entities took part.")
            .RangeArguments()
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Paging.Read(c);
                var ranges = c.ReadRanges();
                var filter = new DealFilter(c.GetArgument<List<string>?>("kinds"), c.GetArgument<List<string>?>("parties"),
                    ranges.From, ranges.To, ranges.MinAmount, ranges.MaxAmount, ranges.MinConfidence);
                return (await c.Store().FindDealsAsync(filter, page, c.CancellationToken)).ToConnection(page);
            });

        Field<NonNullGraphType<NeighbourhoodGraphType>>("neighbourhood")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .NeighbourhoodArguments()
            .ResolveAsync(async c =>
            {
                var query = Neighbourhoods.Read(c, c.GetArgument<string>("id"));
                var found = await c.Store().GetNeighbourhoodAsync(query, c.CancellationToken);
                // A neighbourhood holds at least its centre, so an empty one means there is no such entity.
                return found.Nodes.Count > 0 ? found : throw NoEntity(query.EntityId);
            });

        Field<PathGraphType>("path")
            .Description("A shortest path between two entities, or null when none is within maxDepth hops.")
            .Argument<NonNullGraphType<IdGraphType>>("from")
            .Argument<NonNullGraphType<IdGraphType>>("to")
            .Argument<IntGraphType>("maxDepth", $"1 to {MaxPathDepth}.", a => a.DefaultValue = 4)
            .ResolveAsync(async c =>
            {
                var maxDepth = c.GetArgument("maxDepth", 4);
                if (maxDepth is < 1 or > MaxPathDepth)
                    throw GraphErrors.Error(GraphErrors.InvalidArgument, $"maxDepth must be between 1 and {MaxPathDepth}; got {maxDepth}.");
                var from = await EntityAsync(c, c.GetArgument<string>("from"));
                var to = await EntityAsync(c, c.GetArgument<string>("to"));
                return await c.Store().FindShortestPathAsync(from.Id, to.Id, maxDepth, c.CancellationToken);
            });

        Field<NonNullGraphType<ConnectionGraphType<ArticleGraphType, GraphArticle>>>("articles")
            .Argument<IdGraphType>("entity", "Only articles that mention this entity.")
            .Argument<DateTimeGraphType>("publishedFrom")
            .Argument<DateTimeGraphType>("publishedTo")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Paging.Read(c);
                var filter = new ArticleFilter(c.GetArgument<string?>("entity"), c.GetArgument<DateTime?>("publishedFrom"),
                    c.GetArgument<DateTime?>("publishedTo"));
                return (await c.Store().FindArticlesAsync(filter, page, c.CancellationToken)).ToConnection(page);
            });

        Field<NonNullGraphType<StatsGraphType>>("stats")
            .Argument<IntGraphType>("top", $"How many most connected entities, 0 to {MaxTopEntities}.", a => a.DefaultValue = 10)
            .ResolveAsync(async c =>
            {
                var top = c.GetArgument("top", 10);
                if (top is < 0 or > MaxTopEntities)
                    throw GraphErrors.Error(GraphErrors.InvalidArgument, $"top must be between 0 and {MaxTopEntities}; got {top}.");
                return await c.Store().GetStatsAsync(top, c.CancellationToken);
            });
    }

    private const int MaxPathDepth = 6;
    private const int MaxTopEntities = 100;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<GraphEntity> EntityAsync(IResolveFieldContext context, string id)
    {
        var entity = await context.Loaders().Entities.Load(id).GetResultAsync(context.CancellationToken);
        return entity ?? throw NoEntity(id);
    }

    private static ExecutionError NoEntity(string id) => GraphErrors.Error(GraphErrors.NotFound, $"No entity has id '{id}'.");
}
