using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Sqlite;

internal sealed record SchemaMigration(int Version, string Name, string Sql);

/// <summary>
/// Applies the embedded <c>graph-schema/sqlite/NNNN_name.sql</c> scripts in version order, each in its own
/// transaction together with its schema_version row, so a version is either fully applied and recorded or not at all.
/// </summary>
internal static partial class SchemaMigrator
{
    private const string ResourcePrefix = "KnowledgeGraph.Graph.Sqlite.Migrations.";

    public static IReadOnlyList<SchemaMigration> Embedded { get; } = LoadEmbedded();

    /// <summary>
    /// Applies what is missing. <paramref name="afterScript"/> runs after each newly applied script, inside its
    /// transaction, for the steps SQL cannot do (rebuilding data with .NET code). Versions above
    /// <paramref name="upToVersion"/> are left out, so a test can build a database of an earlier schema.
    /// </summary>
    public static void Apply(SqliteConnection connection, Action<int, SqliteTransaction>? afterScript = null, int upToVersion = int.MaxValue)
    {
        connection.Command("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT
            """).ExecuteNonQuery();
        foreach (var migration in Embedded.Where(m => m.Version <= upToVersion))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            // Checked inside the write transaction: another process may have applied it meanwhile.
            var applied = connection.Command("SELECT count(*) FROM schema_version WHERE version = @version", transaction)
                .With("@version", migration.Version).ExecuteScalar();
            if (Convert.ToInt64(applied, CultureInfo.InvariantCulture) > 0) continue;
            connection.Command(migration.Sql, transaction).ExecuteNonQuery();
            afterScript?.Invoke(migration.Version, transaction);
            connection.Command("INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)", transaction)
                .With("@version", migration.Version)
                .With("@name", migration.Name)
                .With("@at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture))
                .ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static List<SchemaMigration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var match = MigrationFileName().Match(fileName);
            if (!match.Success)
                throw new InvalidOperationException($"graph-schema/sqlite/{fileName}: migration files are named NNNN_description.sql");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new SchemaMigration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), fileName, reader.ReadToEnd()));
        }
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"graph-schema/sqlite: version {duplicate.Key} is used by {string.Join(" and ", duplicate.Select(m => m.Name))}");
        if (migrations.Count == 0)
            throw new InvalidOperationException("no SQLite migrations are embedded in KnowledgeGraph.Graph.Sqlite");
        return [.. migrations.OrderBy(m => m.Version)];
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex MigrationFileName();
}
