using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.Diagnostics;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Http;
using KnowledgeGraph.Api.Ingestion;

if (args.Contains("--print-schema"))
{
    Console.Out.Write(SchemaSdl.PrintWithoutServices());
    return;
}

var builder = WebApplication.CreateBuilder(args);

if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");

var kgSection = builder.Configuration.GetSection(KnowledgeGraphOptions.Section);
builder.Services.AddOptions<KnowledgeGraphOptions>().Bind(kgSection);
var settings = kgSection.Get<KnowledgeGraphOptions>() ?? new KnowledgeGraphOptions();

builder.Services.AddGraphStore(kgSection, settings);
builder.Services.AddArticleIngestion();
builder.Services.AddKnowledgeGraphQL(settings.Limits);
builder.Services.AddSingleton<ApiKeyValidator>();
builder.Services.AddSingleton<GraphQLHttpEndpoint>();
builder.Services.AddSingleton<ApiMetrics>();
builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
builder.Services.AddHostedService<StoreStartup>();

var app = builder.Build();

// The dashboard (src/KnowledgeGraph.Dashboard, bundled into wwwroot at build time) at /.
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseGraphiQLAssets();
app.MapGraphQLEndpoint("/graphql");
app.MapGraphExport("/export");
app.MapHealthChecks("/health");

app.Run();

public partial class Program;
