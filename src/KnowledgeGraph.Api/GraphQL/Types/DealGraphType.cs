using GraphQL.Types;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Api.GraphQL.Types;

public sealed class DealGraphType : ObjectGraphType<GraphDeal>
{
    public DealGraphType()
    {
        Name = "Deal";
        Description = "An investment, acquisition, acqui-hire, licence or partnership as an event with its parties.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DealKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DealPartyGraphType>>>>("parties").Resolve(c => c.Source.Parties);
        Field<DecimalGraphType>("amount").Resolve(c => c.Source.Amount);
        Field<StringGraphType>("currency").Resolve(c => c.Source.Currency);
        Field<StringGraphType>("round").Resolve(c => c.Source.Round);
        Field<StringGraphType>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<FloatGraphType>>("confidence").Resolve(c => c.Source.Confidence);
        Field<NonNullGraphType<IdGraphType>>("articleId").Resolve(c => c.Source.ArticleId);
        Field<NonNullGraphType<TextSpanGraphType>>("evidence").Resolve(c => c.Source.Evidence);
    }
}

public sealed class DealPartyGraphType : ObjectGraphType<DealParty>
{
    public DealPartyGraphType()
    {
        Name = "DealParty";
        Field<NonNullGraphType<StringGraphType>>("role").Description("investor, investee, acquirer, target, licensor, licensee or partner.")
            .Resolve(c => c.Source.Role);
        Field<NonNullGraphType<EntityGraphType>>("entity").Resolve(c => c.Loaders().Entities.Load(c.Source.EntityId));
    }
}
