namespace KnowledgeGraph.Cli.Tests;

/// <summary>A scratch folder with a copy of the annotated test corpus (articles only), removed afterwards.</summary>
public sealed class TempWorkspace : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("kg-cli-tests-").FullName;

    public string Corpus => Path.Combine(Root, "corpus");

    public string Database(string name = "graph") => Path.Combine(Root, name + ".db");

    public TempWorkspace()
    {
        Directory.CreateDirectory(Corpus);
        foreach (var file in Directory.EnumerateFiles(RepositoryCorpus()).Where(f => !f.EndsWith(".gold.json", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(Corpus, Path.GetFileName(file)));
    }

    public int ArticleFiles => Directory.EnumerateFiles(Corpus).Count();

    private static string RepositoryCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "tests", "corpus");
            if (Directory.Exists(corpus)) return corpus;
        }
        throw new DirectoryNotFoundException("tests/corpus not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
