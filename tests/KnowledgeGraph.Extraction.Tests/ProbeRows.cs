using System.Text;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// What the relation probe files share: rows of text, what it asserts and what it must not (a fourth column starting
/// with "open" marks a known gap, left out), and names matched as `kg eval` matches them: any name, alias or mention
/// text, case, width, spaces and dots aside. A probe of several paragraphs writes each line break as \n.
/// </summary>
internal static class ProbeRows
{
    public static TheoryData<string, string, string> Read(string probeFile)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, probeFile), Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            if (columns.Length > 3 && columns[3].StartsWith("open", StringComparison.Ordinal)) continue;
            data.Add(columns[0].Replace("\\n", "\n", StringComparison.Ordinal), columns.Length > 1 ? columns[1] : "", columns.Length > 2 ? columns[2] : "");
        }
        return data;
    }

    /// <summary>Whether a relation written TYPE SUBJECT>OBJECT holds between entities of those names.</summary>
    public static bool HasRelation(ExtractionResult result, string item)
    {
        var typeEnd = item.IndexOf(' ');
        var parties = item[(typeEnd + 1)..].Split('>');
        var subjects = EntitiesNamed(result, parties[0]);
        var objects = EntitiesNamed(result, parties[1]);
        return result.Relations.Any(r => r.Type == item[..typeEnd] && subjects.Contains(r.Subject) && objects.Contains(r.Object));
    }

    public static IEnumerable<string> Items(string column) => column.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static bool IsNamed(ExtractedEntity entity, string name) =>
        entity.Aliases.Append(entity.Name).Concat(entity.Mentions.Select(m => m.Text)).Any(n => Key(n) == Key(name));

    private static HashSet<string> EntitiesNamed(ExtractionResult result, string name) =>
        result.Entities.Where(e => IsNamed(e, name)).Select(e => e.Id).ToHashSet();

    private static string Key(string name) =>
        new(name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Where(c => c is not (' ' or '·')).ToArray());
}
