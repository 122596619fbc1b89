using System.Reflection;

namespace KnowledgeGraph.Extraction.LanguageData;

/// <summary>
/// Reads the language data files embedded from this folder, or from a directory that overrides them
/// (so that a linguist can try an edit without rebuilding).
/// </summary>
public sealed class LanguageResources
{
    private readonly string? _overrideDirectory;

    public LanguageResources(string? overrideDirectory = null) => _overrideDirectory = overrideDirectory;

    /// <summary>The meaningful lines of a file: trimmed of the line break, without blank lines and # comments.</summary>
    public IReadOnlyList<string> Lines(string relativePath)
    {
        var lines = new List<string>();
        using var reader = Open(relativePath);
        while (reader.ReadLine() is { } line)
        {
            var content = line.TrimEnd('\r');
            if (content.Trim().Length == 0 || content.TrimStart().StartsWith('#')) continue;
            lines.Add(content);
        }
        return lines;
    }

    /// <summary>Tab-separated rows; each row has at least <paramref name="minColumns"/> columns or loading fails.</summary>
    public IReadOnlyList<string[]> Rows(string relativePath, int minColumns)
    {
        var rows = new List<string[]>();
        foreach (var line in Lines(relativePath))
        {
            var columns = line.Split('\t');
            if (columns.Length < minColumns)
                throw new InvalidDataException($"{relativePath}: '{line}' has {columns.Length} columns, expected {minColumns}");
            rows.Add(columns);
        }
        return rows;
    }

    public IEnumerable<string> Files(string folder)
    {
        var prefix = $"LanguageData/{folder}/";
        if (_overrideDirectory is not null)
        {
            var directory = Path.Combine(_overrideDirectory, folder);
            return Directory.EnumerateFiles(directory).Select(f => $"{folder}/{Path.GetFileName(f)}").Order(StringComparer.Ordinal);
        }
        return Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n["LanguageData/".Length..])
            .Order(StringComparer.Ordinal);
    }

    private StreamReader Open(string relativePath)
    {
        if (_overrideDirectory is not null)
            return new StreamReader(Path.Combine(_overrideDirectory, relativePath));
        var stream = Assembly.GetManifestResourceStream("LanguageData/" + relativePath)
                     ?? throw new FileNotFoundException($"language data file '{relativePath}' is not embedded");
        return new StreamReader(stream);
    }

    private static Assembly Assembly => typeof(LanguageResources).Assembly;
}
