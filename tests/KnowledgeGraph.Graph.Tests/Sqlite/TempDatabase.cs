namespace KnowledgeGraph.Graph.Tests.Sqlite;

/// <summary>A fresh directory for one test's database file, removed with everything in it afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "kg-sqlite-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, "graph.db");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaks a temp directory; it must not hide the test's own result.
        }
    }
}
