using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>The folder listing is held compactly (SortedPaths); the order it hands out must stay the ordinal order of the full paths.</summary>
public sealed class FileOrderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kg-file-order-").FullName;

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public void Files_come_in_ordinal_order_of_their_full_paths_through_subfolders(string trailing)
    {
        string[] names =
        [
            "b.txt", "B.txt", "a10.txt", "a2.txt", "文章二.txt", "文章一.json", "z/a.html", "z/b/c.txt", "a.txt.gold.json",
            "notes.md", "Ä.txt", "ä.jsonl", "m/Z.htm", "m/a.txt", "😀.txt", "\uFF21.txt",
        ];
        foreach (var name in names)
        {
            var path = Path.Combine(_folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x");
        }
        var root = _folder + trailing;
        var expected = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => ArticleReader.ArticleExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()) && !f.EndsWith(".gold.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        var listed = ArticleReader.EnumerateFiles([root]).ToList();

        Assert.Equal(14, listed.Count);
        Assert.Equal(expected, listed);
    }

    /// <summary>A listing whose characters all fit in one byte is held one byte each; its order must not change with that.</summary>
    [Fact]
    public void Names_of_one_byte_characters_come_in_ordinal_order_too()
    {
        string[] names = ["b.txt", "B.txt", "a10.txt", "a2.txt", "Ä.txt", "ä.jsonl", "é.html", "~.txt", "z/a.html", "m/Z.htm", "m/a.txt"];
        foreach (var name in names)
        {
            var path = Path.Combine(_folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x");
        }

        var listed = ArticleReader.EnumerateFiles([_folder]).ToList();

        Assert.Equal(names.Select(n => Path.Combine(_folder, n)).Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public void An_empty_folder_lists_nothing_and_a_file_path_lists_itself()
    {
        var file = Path.Combine(_folder, "one.txt");
        Assert.Empty(ArticleReader.EnumerateFiles([_folder]));
        File.WriteAllText(file, "x");
        Assert.Equal([file, file], ArticleReader.EnumerateFiles([_folder, file]));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
