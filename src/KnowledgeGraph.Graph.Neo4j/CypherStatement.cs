using System.Text.Json;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>One Cypher statement; every value it uses travels in <see cref="Parameters"/>, never in the text.</summary>
internal sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?>? Parameters = null);

/// <summary>The rows one statement returned, each as the values of its columns.</summary>
internal sealed record CypherResult(IReadOnlyList<string> Columns, IReadOnlyList<JsonElement[]> Rows)
{
    private static readonly JsonSerializerOptions RowOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the first column of every row, which statements here return as one map per row.</summary>
    public IReadOnlyList<T> As<T>() =>
        Rows.Select(row => row[0].Deserialize<T>(RowOptions) ?? throw new InvalidDataException($"Neo4j returned null for a {typeof(T).Name}")).ToList();

    public long SingleLong() => Rows.Count == 0 ? 0 : Rows[0][0].GetInt64();
}
