using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>Small helpers so that every value reaches SQLite as a parameter.</summary>
internal static class SqlExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Declares parameters once so a command can be executed many times with new values.</summary>
    public static SqliteCommand Declare(this SqliteCommand command, params string[] names)
    {
        foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        return command;
    }

    public static void Set(this SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    /// <summary>A list of ids as one JSON parameter, read in SQL with <c>json_each</c>.</summary>
    public static string JsonList(IEnumerable<string> values) => JsonSerializer.Serialize(values);

    /// <summary>A list of integer keys as one JSON parameter.</summary>
    public static string JsonList(IEnumerable<long> values) => JsonSerializer.Serialize(values);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static decimal? GetNullableDecimal(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : decimal.Parse(reader.GetString(ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

    public static bool? GetNullableBool(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal) != 0;

    public static string? ToSql(this decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture);

    public static double? ToSqlNumber(this decimal? amount) => amount is null ? null : (double)amount.Value;
}
