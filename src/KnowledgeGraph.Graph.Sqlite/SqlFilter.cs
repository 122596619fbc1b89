using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// A WHERE clause assembled from fixed SQL fragments of this assembly; values only ever travel as parameters.
/// </summary>
internal sealed class SqlFilter
{
    private readonly List<string> _conditions = [];
    private readonly List<(string Name, object? Value)> _parameters = [];

    public SqlFilter Add(string condition, params (string Name, object? Value)[] parameters)
    {
        _conditions.Add(condition);
        _parameters.AddRange(parameters);
        return this;
    }

    public SqlFilter AddIf(bool when, string condition, params (string Name, object? Value)[] parameters) =>
        when ? Add(condition, parameters) : this;

    public int Count => _conditions.Count;

    public string Where => _conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _conditions);

    /// <summary>The same filter plus a keyset condition for the page after a cursor.</summary>
    public SqlFilter With(string condition, params (string Name, object? Value)[] parameters)
    {
        var copy = new SqlFilter();
        copy._conditions.AddRange(_conditions);
        copy._parameters.AddRange(_parameters);
        return copy.Add(condition, parameters);
    }

    public SqliteCommand Bind(SqliteCommand command)
    {
        foreach (var (name, value) in _parameters) command.With(name, value);
        return command;
    }

    /// <summary>
    /// Dates of different precision (2023, 2023-06, 2023-06-30) overlap when they agree on their common prefix, so a
    /// relation dated 2023 is within a range starting 2023-06-01.
    /// </summary>
    public static string DateAtLeast(string column, string parameter) =>
        $"{column} IS NOT NULL AND substr({column}, 1, min(length({column}), length({parameter}))) >= substr({parameter}, 1, min(length({column}), length({parameter})))";

    public static string DateAtMost(string column, string parameter) =>
        $"{column} IS NOT NULL AND substr({column}, 1, min(length({column}), length({parameter}))) <= substr({parameter}, 1, min(length({column}), length({parameter})))";
}
