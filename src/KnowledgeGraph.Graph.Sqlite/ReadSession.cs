using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>A connection with a deferred read transaction: every query of one request sees the same snapshot.</summary>
internal sealed class ReadSession(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    public SqliteCommand Command(string sql) => connection.Command(sql, transaction);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
