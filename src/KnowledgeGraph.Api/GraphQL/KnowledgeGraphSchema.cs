using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class KnowledgeGraphSchema : Schema
{
    public KnowledgeGraphSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation) : base(services)
    {
        Description = "The AI-industry knowledge graph: entities, relations with evidence, deals, articles.";
        Query = query;
        Mutation = mutation;
    }
}
