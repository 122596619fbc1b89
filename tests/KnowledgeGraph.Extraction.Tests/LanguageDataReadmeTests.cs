using KnowledgeGraph.Extraction.LanguageData;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// LanguageData/README.md is where linguists learn what each data file means: every file embedded from LanguageData/
/// or lying in its folders must have a row there (folder in the first column, the file's name in backticks in the
/// second; <c>*.tsv</c> covers a folder's files of that ending), and every file a row names must exist.
/// </summary>
public sealed class LanguageDataReadmeTests
{
    private const string ResourcePrefix = "LanguageData/";

    private static string DataFolder => Path.Combine(SharedFiles.Repository, "src", "KnowledgeGraph.Extraction", "LanguageData");

    private static string ReadmePath => Path.Combine(DataFolder, "README.md");

    [Fact]
    public void Every_language_data_file_has_a_row_in_the_readme()
    {
        var rows = ReadmeRows();
        var undocumented = DataFiles().Where(file => !rows.Any(row => row.Documents(file))).ToList();

        Assert.True(undocumented.Count == 0,
            $"{ReadmePath} has no row for {undocumented.Count} language data file(s):\n"
            + string.Concat(undocumented.Select(f => $"  {f}: add a row `| {Folder(f)} | `{Name(f)}` | … |` among the {Folder(f)} rows, "
                                                      + "saying what its entries are, what the pipeline does with them and how to add one\n")));
    }

    [Fact]
    public void Every_file_the_readme_names_exists()
    {
        var files = DataFiles();
        var stale = ReadmeRows()
            .SelectMany(row => row.Names.Where(n => !n.StartsWith('*')).Select(n => $"{row.Folder}/{n}"))
            .Where(path => !files.Contains(path))
            .ToList();

        Assert.True(stale.Count == 0,
            $"{ReadmePath} names {stale.Count} file(s) that are neither embedded nor in LanguageData/:\n"
            + string.Concat(stale.Select(f => $"  {f}: fix the name in its row or remove the row\n")));
    }

    /// <summary>Files embedded from LanguageData/ and files in its folders, as folder/name.</summary>
    private static SortedSet<string> DataFiles()
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in typeof(LanguageResources).Assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal)) files.Add(name[ResourcePrefix.Length..]);
        }
        foreach (var folder in Directory.EnumerateDirectories(DataFolder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                files.Add(Path.GetRelativePath(DataFolder, file).Replace(Path.DirectorySeparatorChar, '/'));
        }
        Assert.NotEmpty(files);
        return files;
    }

    private static List<ReadmeRow> ReadmeRows() =>
        File.ReadLines(ReadmePath)
            .Select(line => line.Split('|'))
            .Where(cells => cells.Length >= 4 && cells[0].Length == 0)
            .Select(cells => new ReadmeRow(cells[1].Trim(), BacktickedNames(cells[2])))
            .Where(row => row.Names.Count > 0)
            .ToList();

    private static List<string> BacktickedNames(string cell) =>
        cell.Split('`').Where((_, i) => i % 2 == 1).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();

    private static string Folder(string file) => file[..file.LastIndexOf('/')];

    private static string Name(string file) => file[(file.LastIndexOf('/') + 1)..];

    private sealed record ReadmeRow(string Folder, List<string> Names)
    {
        public bool Documents(string file) =>
            Folder == LanguageDataReadmeTests.Folder(file)
            && Names.Any(n => n == Name(file) || (n.StartsWith('*') && Name(file).EndsWith(n[1..], StringComparison.Ordinal)));
    }
}
