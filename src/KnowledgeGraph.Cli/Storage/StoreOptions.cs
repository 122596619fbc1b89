using System.CommandLine;

namespace KnowledgeGraph.Cli.Storage;

/// <summary>The store options every graph command shares; unset options fall back to KG__* environment variables.</summary>
public sealed class StoreOptions
{
    private readonly Option<string?> _store = new("--store") { Description = "sqlite (embedded file, the default) or neo4j; else KG__Store" };
    private readonly Option<string?> _sqlitePath = new("--sqlite-path") { Description = $"SQLite database file; else KG__Sqlite__Path, else {StoreSettings.DefaultSqlitePath}" };
    private readonly Option<string?> _neo4jUri = new("--neo4j-uri") { Description = "Neo4j HTTP address, e.g. http://127.0.0.1:7474; else KG__Neo4j__Uri" };
    private readonly Option<string?> _neo4jUser = new("--neo4j-user") { Description = "else KG__Neo4j__User" };
    private readonly Option<string?> _neo4jPassword = new("--neo4j-password") { Description = "else KG__Neo4j__Password" };
    private readonly Option<string?> _neo4jDatabase = new("--neo4j-database") { Description = "Neo4j 4.x/5.x database; else KG__Neo4j__Database, else neo4j" };

    public Option<string?> SqlitePathOption => _sqlitePath;

    public StoreOptions()
    {
        _store.AcceptOnlyFromAmong("sqlite", "neo4j");
        _neo4jUri.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !Uri.TryCreate(text, UriKind.Absolute, out _))
                result.AddError($"--neo4j-uri '{text}' is not an absolute address such as http://127.0.0.1:7474");
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_store);
        command.Options.Add(_sqlitePath);
        command.Options.Add(_neo4jUri);
        command.Options.Add(_neo4jUser);
        command.Options.Add(_neo4jPassword);
        command.Options.Add(_neo4jDatabase);
    }

    /// <summary>
    /// The options given on the command line as configuration keys of the service (KG:Store, KG:Sqlite:Path …), so that
    /// they override appsettings and KG__* variables while anything not given keeps its configured value.
    /// </summary>
    public Dictionary<string, string?> ConfigurationOverrides(ParseResult result)
    {
        var overrides = new Dictionary<string, string?>();
        void Set(string key, string? value)
        {
            if (value is not null) overrides[key] = value;
        }
        Set("KG:Store", result.GetValue(_store));
        Set("KG:Sqlite:Path", result.GetValue(_sqlitePath));
        Set("KG:Neo4j:Uri", result.GetValue(_neo4jUri));
        Set("KG:Neo4j:User", result.GetValue(_neo4jUser));
        Set("KG:Neo4j:Password", result.GetValue(_neo4jPassword));
        Set("KG:Neo4j:Database", result.GetValue(_neo4jDatabase));
        return overrides;
    }

    public StoreSettings Read(ParseResult result)
    {
        var settings = StoreSettings.FromEnvironment();
        settings.Store = result.GetValue(_store) ?? settings.Store;
        settings.SqlitePath = result.GetValue(_sqlitePath) ?? settings.SqlitePath;
        settings.Neo4j.Uri = result.GetValue(_neo4jUri) is { } uri ? new Uri(uri) : settings.Neo4j.Uri;
        settings.Neo4j.User = result.GetValue(_neo4jUser) ?? settings.Neo4j.User;
        settings.Neo4j.Password = result.GetValue(_neo4jPassword) ?? settings.Neo4j.Password;
        settings.Neo4j.Database = result.GetValue(_neo4jDatabase) ?? settings.Neo4j.Database;
        return settings;
    }
}
