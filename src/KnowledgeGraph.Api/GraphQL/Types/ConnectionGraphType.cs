using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

public interface IPageInfo
{
    bool HasNextPage { get; }
    bool HasPreviousPage { get; }
    string? StartCursor { get; }
    string? EndCursor { get; }
}

/// <summary>A page of a list as the source of a Relay connection.</summary>
public sealed record Connection<T>(Page<T> Page, bool HasPreviousPage) : IPageInfo
{
    public bool HasNextPage => Page.HasNextPage;
    public string? StartCursor => Page.Items.Count == 0 ? null : Page.Items[0].Cursor;
    public string? EndCursor => Page.EndCursor;
}

/// <summary>Relay connection: <c>edges { cursor node }</c>, <c>pageInfo</c>, <c>totalCount</c>.</summary>
public sealed class ConnectionGraphType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        var nodeName = typeof(TNodeType).GraphQLName();
        Name = nodeName + "Connection";
        Description = $"A page of {nodeName} items; pass pageInfo.endCursor as `after` for the next page.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType, TNode>>>>>("edges")
            .Resolve(context => context.Source.Page.Items);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(context => context.Source);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items match, over all pages.")
            .Resolve(context => checked((int)context.Source.Page.TotalCount));
    }
}

public sealed class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<PageItem<TNode>>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        Name = typeof(TNodeType).GraphQLName() + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(context => context.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(context => context.Source.Node);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<IPageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(context => context.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(context => context.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(context => context.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(context => context.Source.EndCursor);
    }
}
