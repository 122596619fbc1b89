using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed record LexiconEntry(
    string Id,
    string Type,
    string Name,
    IReadOnlyList<string> ChineseNames,
    IReadOnlyList<string> Aliases,
    string Kind,
    string? Owner)
{
    public IEnumerable<string> AllNames => ChineseNames.Prepend(Name).Concat(Aliases);
}

/// <summary>The known entities of the AI industry, from <c>LanguageData/lexicon/*.tsv</c>.</summary>
public sealed class Lexicon
{
    private readonly Dictionary<string, LexiconEntry> _byId;

    public Lexicon(LanguageResources resources, OntologySchema ontology)
    {
        _byId = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        _names = new Lazy<HashSet<string>>(() => _byId.Values.SelectMany(e => e.AllNames).ToHashSet(StringComparer.OrdinalIgnoreCase));
        foreach (var file in resources.Files("lexicon").Where(f => f.EndsWith(".tsv", StringComparison.Ordinal)))
        {
            foreach (var row in resources.Rows(file, 6))
            {
                var entry = new LexiconEntry(
                    Id: row[0].Trim(),
                    Type: row[1].Trim(),
                    Name: row[2].Trim(),
                    ChineseNames: SplitNames(row[3]),
                    Aliases: SplitNames(row[4]),
                    Kind: row[5].Trim(),
                    Owner: row.Length > 6 && row[6].Trim().Length > 0 ? row[6].Trim() : null);
                if (!ontology.IsEntityType(entry.Type))
                    throw new InvalidDataException($"{file}: {entry.Id} has unknown type '{entry.Type}'");
                if (!_byId.TryAdd(entry.Id, entry))
                    throw new InvalidDataException($"{file}: id {entry.Id} appears twice in the lexicon");
            }
        }
    }

    public IReadOnlyCollection<LexiconEntry> Entries => _byId.Values;

    /// <summary>Whether some entry is known by this name (case-insensitive).</summary>
    public bool IsName(string name) => _names.Value.Contains(name);

    private readonly Lazy<HashSet<string>> _names;

    public LexiconEntry? ById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>How far up the owners (a lab of a division of a company) an entry's parents are followed.</summary>
    public const int MaxOwnerDepth = 4;

    /// <summary>The entry and the owners above it, nearest first.</summary>
    public IEnumerable<string> Ancestry(string id)
    {
        var current = (string?)id;
        for (var depth = 0; current is not null && depth <= MaxOwnerDepth; depth++)
        {
            yield return current;
            current = ById(current)?.Owner;
        }
    }

    /// <summary>Whether one of the two entries is the other or owns it, directly or through its parents (谷歌 and 谷歌DeepMind).</summary>
    public bool AreOneFamily(string one, string other) => Ancestry(one).Contains(other) || Ancestry(other).Contains(one);

    private static IReadOnlyList<string> SplitNames(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
