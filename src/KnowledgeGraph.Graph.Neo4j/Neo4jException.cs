namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>Neo4j refused or failed a request; <see cref="Code"/> is Neo4j's status code, e.g. Neo.ClientError.Statement.SyntaxError.</summary>
public sealed class Neo4jException(string code, string message, Exception? inner = null)
    : Exception($"{code}: {message}", inner)
{
    public string Code { get; } = code;

    /// <summary>Worth retrying: Neo4j says so (Neo.TransientError.*) or the server was briefly unavailable.</summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) || Code == UnavailableCode;

    public const string UnavailableCode = "Http.ServiceUnavailable";
}
