using KnowledgeGraph.Api.GraphQL.Loading;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

public sealed class NeighbourhoodGraphType : ObjectGraphType<Neighbourhood>
{
    public NeighbourhoodGraphType()
    {
        Name = "Neighbourhood";
        Description = "Nodes and edges around an entity, ready to draw.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityGraphType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("edges").Resolve(c =>
        {
            // Both ends of every edge are among the nodes already in hand: drawing an edge's ends costs no store call.
            c.Loaders().Entities.Prime(c.Source.Nodes.Select(n => KeyValuePair.Create(n.Id, n)));
            return c.Source.Edges;
        });
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when `limit` cut the neighbourhood short.")
            .Resolve(c => c.Source.Truncated);
    }
}

public sealed class PathGraphType : ObjectGraphType<GraphPath>
{
    public PathGraphType()
    {
        Name = "Path";
        Description = "A shortest path: nodes in order from `from` to `to`, and the edges between them.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityGraphType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<IntGraphType>>("length").Resolve(c => c.Source.Edges.Count);
    }
}

internal static class Neighbourhoods
{
    public const int MaxDepth = 3;
    public const int MaxLimit = 2000;

    public static FieldBuilder<TSource, TReturn> NeighbourhoodArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("depth", $"Hops from the entity, 1 to {MaxDepth}.", a => a.DefaultValue = 1)
            .Argument<DirectionEnum>("direction", a => a.DefaultValue = Direction.Both)
            .Argument<ListGraphType<NonNullGraphType<RelationTypeEnum>>>("types")
            .Argument<IntGraphType>("limit", $"Most nodes returned, 1 to {MaxLimit}.", a => a.DefaultValue = 200);

    public static NeighbourhoodQuery Read(IResolveFieldContext context, string entityId)
    {
        var depth = context.GetArgument("depth", 1);
        if (depth is < 1 or > MaxDepth)
            throw GraphErrors.Error(GraphErrors.InvalidArgument, $"depth must be between 1 and {MaxDepth}; got {depth}.");
        var limit = context.GetArgument("limit", 200);
        if (limit is < 1 or > MaxLimit)
            throw GraphErrors.Error(GraphErrors.InvalidArgument, $"limit must be between 1 and {MaxLimit}; got {limit}.");
        return new NeighbourhoodQuery(entityId, depth, context.GetArgument("direction", Direction.Both),
            context.GetArgument<List<string>?>("types"), limit);
    }
}
