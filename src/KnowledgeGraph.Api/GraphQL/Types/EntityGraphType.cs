using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

public sealed class EntityGraphType : ObjectGraphType<GraphEntity>
{
    public EntityGraphType()
    {
        Name = "Entity";
        Description = "A person, organisation, product or place, merged across every article that mentions it.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EntityTypeEnum>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("chineseName").Resolve(c => c.Source.ChineseName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Aliases);
        Field<NonNullGraphType<IntGraphType>>("degree").Description("Number of relations touching this entity.")
            .Resolve(c => c.Source.Degree);

        Field<NonNullGraphType<ConnectionGraphType<RelationGraphType, GraphRelation>>>("relations")
            .Argument<DirectionEnum>("direction", a => a.DefaultValue = Direction.Both)
            .Argument<ListGraphType<NonNullGraphType<RelationTypeEnum>>>("types")
            .PageArguments()
            .ResolveAsync(ResolveRelationsAsync);

        Field<NonNullGraphType<ConnectionGraphType<DealGraphType, GraphDeal>>>("deals")
            .Argument<ListGraphType<NonNullGraphType<DealKindEnum>>>("kinds")
            .Argument<StringGraphType>("from", "Earliest deal date, ISO 8601 (2023, 2023-06, 2024-03-19).")
            .Argument<StringGraphType>("to", "Latest deal date, ISO 8601.")
            .Argument<DecimalGraphType>("minAmount")
            .PageArguments()
            .Resolve(c =>
            {
                var page = Paging.Read(c);
                var key = new DealsOfEntity(c.Source.Id, GraphLoaders.KeyOf(c.GetArgument<List<string>?>("kinds")),
                    c.DateArgument("from"), c.DateArgument("to"), c.GetArgument<decimal?>("minAmount"));
                return c.Loaders().Deals.Load(key).Then(deals => Paging.Slice(deals ?? [], d => d.Id, page));
            });

        Field<NonNullGraphType<ConnectionGraphType<ArticleGraphType, GraphArticle>>>("articles")
            .Description("Articles that mention this entity.")
            .PageArguments()
            .Resolve(c =>
            {
                var page = Paging.Read(c);
                return c.Loaders().Articles.Load(new ArticlesOfEntity(c.Source.Id, page))
                    .Then(articles => (articles ?? new Page<GraphArticle>([], false, 0)).ToConnection(page));
            });

        Field<NonNullGraphType<ConnectionGraphType<TimelineEventGraphType, TimelineEvent>>>("timeline")
            .Description("What happened to this entity, in date order.")
            .PageArguments()
            .Resolve(c =>
            {
                var page = Paging.Read(c);
                return c.Loaders().Timelines.Load(c.Source.Id)
                    .Then(events => Paging.Slice(events ?? [], e => $"{e.ArticleId}/{e.Relation?.Id}/{e.Date}", page));
            });

        Field<NonNullGraphType<NeighbourhoodGraphType>>("neighbourhood")
            .NeighbourhoodArguments()
            .Resolve(c =>
            {
                var query = Neighbourhoods.Read(c, c.Source.Id);
                var key = new NeighbourhoodOfEntity(query.EntityId, query.Depth, query.Direction, GraphLoaders.KeyOf(query.RelationTypes), query.Limit);
                return c.Loaders().Neighbourhoods.Load(key).Then(found => found ?? new Neighbourhood([], [], false));
            });
    }

    private static async Task<object?> ResolveRelationsAsync(IResolveFieldContext<GraphEntity> context)
    {
        var page = Paging.Read(context);
        var direction = context.GetArgument("direction", Direction.Both);
        var types = context.GetArgument<List<string>?>("types");
        var entity = context.Source;
        var batched = page.After is null ? entity.Degree <= GraphLoaders.BatchableDegree : Paging.IsListCursor(page.After);
        if (batched)
        {
            var key = new RelationsOfEntity(entity.Id, direction, GraphLoaders.KeyOf(types));
            return context.Loaders().Relations.Load(key).Then(relations => Paging.Slice(relations ?? [], r => r.Id, page));
        }
        // A hub's relations are paged by the store itself rather than loaded whole.
        var filter = new RelationFilter(Types: types, EntityIds: [entity.Id], Direction: direction);
        var found = await context.Store().FindRelationsAsync(filter, page, context.CancellationToken);
        return found.ToConnection(page);
    }
}
