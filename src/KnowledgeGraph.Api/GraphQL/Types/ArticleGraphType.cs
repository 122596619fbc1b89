using GraphQL.Types;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

public sealed class ArticleGraphType : ObjectGraphType<GraphArticle>
{
    public ArticleGraphType()
    {
        Name = "Article";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("source").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("contentHash").Resolve(c => c.Source.ContentHash);
        Field<StringGraphType>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("url").Resolve(c => c.Source.Url);
        Field<DateTimeGraphType>("publishedAt").Resolve(c => c.Source.PublishedAt);
        Field<NonNullGraphType<IntGraphType>>("entityCount").Resolve(c => c.Source.EntityCount);
        Field<NonNullGraphType<IntGraphType>>("relationCount").Resolve(c => c.Source.RelationCount);
    }
}

public sealed class TimelineEventGraphType : ObjectGraphType<TimelineEvent>
{
    public TimelineEventGraphType()
    {
        Name = "TimelineEvent";
        Field<StringGraphType>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<IdGraphType>>("articleId").Resolve(c => c.Source.ArticleId);
        Field<StringGraphType>("articleTitle").Resolve(c => c.Source.ArticleTitle);
        Field<RelationGraphType>("relation").Resolve(c => c.Source.Relation);
    }
}

public sealed class StatsGraphType : ObjectGraphType<GraphStats>
{
    public StatsGraphType()
    {
        Name = "Stats";
        Field<NonNullGraphType<LongGraphType>>("articles").Resolve(c => c.Source.Articles);
        Field<NonNullGraphType<LongGraphType>>("deals").Resolve(c => c.Source.Deals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TypeCountGraphType>>>>("entitiesByType").Resolve(c => c.Source.EntitiesByType);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TypeCountGraphType>>>>("relationsByType").Resolve(c => c.Source.RelationsByType);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityGraphType>>>>("mostConnected").Resolve(c => c.Source.MostConnected);
    }
}

public sealed class TypeCountGraphType : ObjectGraphType<TypeCount>
{
    public TypeCountGraphType()
    {
        Name = "TypeCount";
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<LongGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
