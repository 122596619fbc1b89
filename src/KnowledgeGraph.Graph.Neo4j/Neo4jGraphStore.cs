using System.Reflection;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// The graph store on a Neo4j server (3.1 to 5.x) over the HTTP Cypher API. Entities are nodes; one REL edge per
/// (type, subject, object) carries the aggregates of its Evidence nodes; articles MENTION entities and own Deal nodes.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    private static readonly IReadOnlyCollection<string> SymmetricTypes =
        OntologySchema.Default.RelationTypes.Where(t => t.Symmetric).Select(t => t.Name).ToList();

    private readonly CypherClient _cypher;

    public Neo4jGraphStore(HttpClient http, Neo4jGraphStoreOptions options)
    {
        _cypher = new CypherClient(http, options);
    }

    /// <summary>The server discovery found; discovers on first use.</summary>
    public Task<Neo4jServer> ServerAsync(CancellationToken cancellationToken = default) => _cypher.ServerAsync(cancellationToken);

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var server = await _cypher.ServerAsync(cancellationToken);
        // Neo4j refuses schema changes and data writes in one transaction, so each schema command is its own call.
        foreach (var command in SchemaCommands(server))
        {
            try
            {
                await _cypher.RunAsync(new CypherStatement(command), cancellationToken);
            }
            catch (Neo4jException e) when (AlreadyExistsCodes.Contains(e.Code))
            {
                // 4.0–4.3 refuse to create an existing rule without IF NOT EXISTS; 3.x and 4.4+ do not.
            }
        }
        await AddMissingSearchSuffixesAsync(cancellationToken);
    }

    private static readonly HashSet<string> AlreadyExistsCodes =
    [
        "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
        "Neo.ClientError.Schema.ConstraintAlreadyExists",
        "Neo.ClientError.Schema.IndexAlreadyExists",
    ];

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await _cypher.RunOnceAsync([new CypherStatement("RETURN 1")], cancellationToken);
            return result[0].SingleLong() == 1;
        }
        catch (Exception e) when (e is Neo4jException or GraphStoreUnavailableException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static IReadOnlyList<string> SchemaCommands(Neo4jServer server)
    {
        var file = server.UsesModernSchemaSyntax ? "schema-5.cypher" : "schema-3.cypher";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"KnowledgeGraph.Graph.Neo4j.Schema.{file}")
                           ?? throw new InvalidOperationException($"graph-schema/neo4j/{file} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n')
            .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Aggregate("", (text, line) => text + line + "\n")
            .Split(';')
            .Select(command => command.Trim())
            .Where(command => command.Length > 0)
            .ToList();
    }

    private static Dictionary<string, object?> Params(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
