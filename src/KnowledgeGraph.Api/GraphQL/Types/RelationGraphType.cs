using KnowledgeGraph.Api.GraphQL.Loading;
using GraphQL.Types;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Api.GraphQL.Types;

public sealed class RelationGraphType : ObjectGraphType<GraphRelation>
{
    public RelationGraphType()
    {
        Name = "Relation";
        Description = "One edge per (subject, type, object), carrying the evidence of every article that asserts it.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<RelationTypeEnum>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<EntityGraphType>>("subject").Resolve(c => c.Loaders().Entities.Load(c.Source.SubjectId));
        Field<NonNullGraphType<EntityGraphType>>("object").Resolve(c => c.Loaders().Entities.Load(c.Source.ObjectId));
        Field<NonNullGraphType<FloatGraphType>>("confidence").Description("The highest confidence of any evidence.")
            .Resolve(c => c.Source.Confidence);
        Field<NonNullGraphType<RelationAttributesGraphType>>("attributes").Resolve(c => c.Source.Attributes);
        Field<StringGraphType>("firstDate").Resolve(c => c.Source.FirstDate);
        Field<StringGraphType>("lastDate").Resolve(c => c.Source.LastDate);
        Field<NonNullGraphType<IntGraphType>>("evidenceCount").Resolve(c => c.Source.EvidenceCount);
        Field<NonNullGraphType<ConnectionGraphType<EvidenceGraphType, Evidence>>>("evidence")
            .Description("The sentences that assert this relation, one per article and sentence.")
            .PageArguments()
            .Resolve(c =>
            {
                var page = Paging.Read(c);
                return c.Loaders().Evidence.Load(c.Source.Id)
                    .Then(evidence => Paging.Slice(evidence ?? [], e => $"{e.ArticleId}/{e.Sentence.Start}/{e.Sentence.End}", page));
            });
    }
}

public sealed class RelationAttributesGraphType : ObjectGraphType<RelationAttributes>
{
    public RelationAttributesGraphType()
    {
        Name = "RelationAttributes";
        Field<StringGraphType>("role").Resolve(c => c.Source.Role);
        Field<DecimalGraphType>("amount").Resolve(c => c.Source.Amount);
        Field<StringGraphType>("currency").Description("ISO 4217 code.").Resolve(c => c.Source.Currency);
        Field<StringGraphType>("round").Resolve(c => c.Source.Round);
        Field<BooleanGraphType>("lead").Resolve(c => c.Source.Lead);
        Field<StringGraphType>("date").Description("ISO 8601 with the precision the text gives.").Resolve(c => c.Source.Date);
        Field<StringGraphType>("product").Resolve(c => c.Source.Product);
    }
}

public sealed class EvidenceGraphType : ObjectGraphType<Evidence>
{
    public EvidenceGraphType()
    {
        Name = "Evidence";
        Field<NonNullGraphType<ArticleReferenceGraphType>>("article").Resolve(c => c.Source);
        Field<NonNullGraphType<TextSpanGraphType>>("sentence").Resolve(c => c.Source.Sentence);
        Field<NonNullGraphType<FloatGraphType>>("confidence").Resolve(c => c.Source.Confidence);
    }
}

/// <summary>The article an evidence sentence comes from, as far as the evidence itself knows it.</summary>
public sealed class ArticleReferenceGraphType : ObjectGraphType<Evidence>
{
    public ArticleReferenceGraphType()
    {
        Name = "ArticleReference";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.ArticleId);
        Field<StringGraphType>("title").Resolve(c => c.Source.ArticleTitle);
        Field<DateTimeGraphType>("publishedAt").Resolve(c => c.Source.PublishedAt);
    }
}

public sealed class TextSpanGraphType : ObjectGraphType<TextSpan>
{
    public TextSpanGraphType()
    {
        Name = "TextSpan";
        Description = "A stretch of an article; offsets are Unicode code points into the article text.";
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<IntGraphType>>("start").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<IntGraphType>>("end").Resolve(c => c.Source.End);
    }
}
