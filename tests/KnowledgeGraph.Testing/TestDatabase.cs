namespace KnowledgeGraph.Testing;

/// <summary>A temporary SQLite file (and its WAL companions), removed afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kg-test-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
                // Another process may still hold the file for a moment; the temp folder is cleaned eventually.
            }
        }
    }
}
