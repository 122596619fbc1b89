using KnowledgeGraph.Graph;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>
/// The real service in the test host over a real store of its own: a fresh SQLite file, or the Neo4j test server
/// emptied first. Optionally every store call goes through a <see cref="CountingGraphStore"/>, so tests can see how
/// many calls a query costs.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-0123456789";

    private readonly TestStore _store;
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings = new();

    public ApiFactory(TestStore store = TestStore.Sqlite) : this(store, new TestDatabase(), ownsDatabase: true)
    {
        if (store == TestStore.Neo4j)
            Neo4jTestServer.Wipe();
    }

    private ApiFactory(TestStore store, TestDatabase database, bool ownsDatabase)
    {
        _store = store;
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>Another service over this one's store, as after a restart; the store is left as it is.</summary>
    public ApiFactory Reopen() => new(_store, _database, ownsDatabase: false);

    public ApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public bool CountStoreCalls { get; init; }

    /// <summary>Replaces or adds services after the service's own registrations, e.g. an extractor that observes.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public IGraphStore Store => Services.GetRequiredService<IGraphStore>();

    public CountingGraphStore Counter => Services.GetRequiredService<CountingGraphStore>();

    public GraphQLClient Client(string? apiKey = null) => new(CreateClient()) { ApiKey = apiKey };

    public async Task<ApiFactory> SeedAsync(IEnumerable<NewsArticle> articles)
    {
        await Store.IngestAsync(articles.Select(a => a.Build()).ToList());
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (_store == TestStore.Neo4j)
        {
            builder.UseSetting("KG:Store", "neo4j");
            builder.UseSetting("KG:Neo4j:Uri", Neo4jTestServer.Uri);
        }
        else
        {
            builder.UseSetting("KG:Store", "sqlite");
            builder.UseSetting("KG:Sqlite:Path", _database.Path);
        }
        builder.UseSetting("KG:ApiKeys:0", ApiKey);
        builder.UseSetting("KG:LoadSamples", "false");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (CountStoreCalls)
            builder.ConfigureTestServices(services => services.DecorateGraphStore());
        if (TestServices is not null)
            builder.ConfigureTestServices(TestServices);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
            _database.Dispose();
    }
}

internal static class CountingRegistration
{
    public static void DecorateGraphStore(this IServiceCollection services)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IGraphStore));
        services.RemoveAll<IGraphStore>();
        services.AddSingleton(provider => new CountingGraphStore(Create(inner, provider)));
        services.AddSingleton<IGraphStore>(provider => provider.GetRequiredService<CountingGraphStore>());
    }

    private static IGraphStore Create(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IGraphStore)(descriptor.ImplementationInstance
                      ?? descriptor.ImplementationFactory?.Invoke(provider)
                      ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
