using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.Diagnostics;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Http;
using KnowledgeGraph.Api.Ingestion;

namespace KnowledgeGraph.Api;

/// <summary>
/// The service's composition in one place: this project's Program and <c>kg serve</c> both build it here, so the two
/// cannot drift apart. Settings come from the builder's configuration (appsettings, KG__* environment variables,
/// command-line arguments), whoever created it.
/// </summary>
public static class KnowledgeGraphService
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);

        var kgSection = builder.Configuration.GetSection(KnowledgeGraphOptions.Section);
        builder.Services.AddOptions<KnowledgeGraphOptions>().Bind(kgSection);
        var settings = kgSection.Get<KnowledgeGraphOptions>() ?? new KnowledgeGraphOptions();

        builder.Logging.AddBatchedConsole();
        // No request body may exceed the GraphQL body limit, whichever endpoint it is sent to.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.Limits.MaxRequestBytes);
        if (settings.Http.InlineScheduling)
            builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddKnowledgeGraphCors(settings.Cors);
        builder.Services.AddGraphStore(kgSection, settings);
        builder.Services.AddArticleIngestion();
        builder.Services.AddKnowledgeGraphQL(settings.Limits);
        builder.Services.AddSingleton<ApiKeyValidator>();
        builder.Services.AddSingleton<GraphQLHttpEndpoint>();
        builder.Services.AddSingleton<ApiMetrics>();
        builder.Services.AddSingleton<IdleMemoryRelease>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IdleMemoryRelease>());
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        builder.Services.AddHostedService<StoreStartup>();

        var app = builder.Build();

        // Outside Development an unhandled error answers a bare problem document; the details stay in the server log.
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler();
        app.UseKnowledgeGraphCors(settings.Cors);

        // The dashboard (src/KnowledgeGraph.Dashboard, bundled into wwwroot at build time) at /.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseGraphiQLAssets();
        app.MapGraphQLEndpoint("/graphql");
        app.MapGraphExport("/export");
        app.MapKnowledgeGraphHealth();
        return app;
    }
}
