using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.GraphQL.Documents;
using KnowledgeGraph.Api.GraphQL.Limits;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Api.GraphQL;

public static class GraphQLRegistration
{
    /// <summary>
    /// The schema, its limits, and how store errors become GraphQL errors. Validation rules are not registered here:
    /// the HTTP endpoint passes them per request (<see cref="RequestDocuments.RulesFor"/>), fewer for documents seen before.
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphQL(this IServiceCollection services, QueryLimits limits)
    {
        services.AddScoped<GraphLoaders>();
        var parserMaxDepth = ParserDepthFor(limits);
        var parser = new GraphQLDocumentBuilder { MaxDepth = parserMaxDepth };
        services.AddSingleton<IDocumentBuilder>(parser);
        services.AddSingleton(new ValidatedDocumentCache(limits.CachedDocuments, limits.MaxCachedQueryLength));
        services.AddSingleton(provider =>
            new RequestDocuments(parser, parserMaxDepth, provider.GetRequiredService<ValidatedDocumentCache>(), new ValidationRuleSets(limits), limits));
        services.AddSingleton(new QueryExecutionGate(limits));
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<KnowledgeGraphSchema>()
            .AddExecutionStrategy(provider => new GatedQueryExecution(provider.GetRequiredService<QueryExecutionGate>()), OperationType.Query)
            .AddGraphTypes(typeof(KnowledgeGraphSchema).Assembly)
            .AddSerializer<GraphQLBodySerializer>()
            .UseMiddleware<ArgumentTextMiddleware>()
            .WithTimeout(limits.ExecutionTimeout)
            .AddUnhandledExceptionHandler(TranslateStoreErrors));
        services.AddSingleton(provider => (GraphQLBodySerializer)provider.GetRequiredService<IGraphQLSerializer>());
        return services;
    }

    /// <summary>
    /// The parser's own nesting guard, set well above the query depth limit so ordinary deep queries get the clear
    /// depth error from validation while absurd nesting is stopped before it costs stack.
    /// </summary>
    private static int ParserDepthFor(QueryLimits limits) => Math.Max(64, limits.MaxDepth * 4);

    private static void TranslateStoreErrors(UnhandledExceptionContext context)
    {
        if (context.OriginalException is GraphQueryException refused)
            context.Exception = GraphErrors.Error(refused.Code, refused.Message);
        else if (context.OriginalException is GraphStoreUnavailableException)
            context.Exception = GraphErrors.Error(GraphErrors.StoreUnavailable,
                "The graph store is unavailable right now; nothing was changed. Try again shortly.");
        else
            context.ErrorMessage = "Internal error while resolving this field; the server log has the details.";
    }
}
