using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Recognition;

namespace KnowledgeGraph.Extraction.Resolution;

// Short forms of lexicon names (Bedrock of Amazon Bedrock, Figure of Figure AI, R1 of DeepSeek-R1), worked out once for the lexicon.
public sealed partial class EntityResolver
{
    /// <summary>
    /// The last word of a known multi-word Latin name in the article (Bedrock of Amazon Bedrock), a known
    /// organization's name without its English tail (Figure of Figure AI), or a known product's name without its
    /// maker's (R1 of DeepSeek-R1), when that form is not itself a known name: an unknown mention of it is that entity,
    /// whatever type its context suggested.
    /// </summary>
    private Dictionary<string, LexiconEntry> KnownShortNames(Document document)
    {
        var forms = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        var known = document.Mentions.Where(m => m.LexiconId is not null).Select(m => m.LexiconId!).Distinct().Select(lexicon.ById).OfType<LexiconEntry>();
        foreach (var entry in known)
        {
            if (!_shortForms.TryGetValue(entry, out var shortForms)) continue;
            foreach (var form in shortForms) forms.TryAdd(form, entry);
        }
        return forms;
    }

    /// <summary>
    /// The short forms of every lexicon entry that has some, in the order <see cref="ShortForms"/> gives them. They depend
    /// on the lexicon alone, so they are worked out once here instead of for every article that names the entry.
    /// </summary>
    private readonly Dictionary<LexiconEntry, string[]> _shortForms = ShortFormsByEntry(lexicon, EnglishOrganizationTails(resources));

    private static string[] EnglishOrganizationTails(LanguageResources resources) =>
        resources.Lines("resolution/english-organization-tails.txt").Where(l => l.Trim().Length > 0).ToArray();

    private static Dictionary<LexiconEntry, string[]> ShortFormsByEntry(Lexicon lexicon, string[] tails)
    {
        var byEntry = new Dictionary<LexiconEntry, string[]>(ReferenceEqualityComparer.Instance);
        foreach (var entry in lexicon.Entries)
        {
            var forms = ShortForms(lexicon, entry, tails);
            if (forms.Count > 0) byEntry[entry] = forms.ToArray();
        }
        return byEntry;
    }

    /// <summary>An entry's short forms as <see cref="KnownShortNames"/> describes them, in the order an article adds them.</summary>
    private static List<string> ShortForms(Lexicon lexicon, LexiconEntry entry, string[] tails)
    {
        var forms = new List<string>();
        foreach (var name in entry.AllNames.Where(n => n.Contains(' ') && n.All(c => c < '\u0250')))
        {
            var last = name[(name.LastIndexOf(' ') + 1)..];
            if (last.Length >= 3 && char.IsUpper(last[0]) && !lexicon.IsName(last)) forms.Add(last);
        }
        foreach (var name in entry.AllNames)
        {
            if (WithoutMakerName(lexicon, entry, name) is { } rest && !lexicon.IsName(rest)) forms.Add(rest);
            if (entry.Type != "Organization") continue;
            var tail = tails.FirstOrDefault(t => name.EndsWith(t, StringComparison.Ordinal));
            var head = tail is null ? "" : name[..^tail.Length];
            if (head.Length >= 3 && !lexicon.IsName(head)) forms.Add(head);
        }
        return forms;
    }

    /// <summary>A product named after its maker (DeepSeek-R1, DeepSeek V3) is also called by the rest of its name (R1, V3).</summary>
    private static string? WithoutMakerName(Lexicon lexicon, LexiconEntry product, string name)
    {
        if (product.Type != "Product" || product.Owner is null || lexicon.ById(product.Owner) is not { } maker) return null;
        foreach (var makerName in maker.AllNames)
        {
            if (name.Length >= makerName.Length + 3 && name.StartsWith(makerName, StringComparison.Ordinal) && name[makerName.Length] is '-' or ' ')
                return name[(makerName.Length + 1)..];
        }
        return null;
    }
}
