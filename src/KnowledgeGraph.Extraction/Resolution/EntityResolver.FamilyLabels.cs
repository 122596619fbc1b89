using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Relations;

namespace KnowledgeGraph.Extraction.Resolution;

// A known product family's Chinese name written right before one of its versions' Latin names: a label, not a mention.
public sealed partial class EntityResolver
{
    /// <summary>
    /// Chinese writers put a model family's own name before the version they mean (通义千问Qwen2.5, 通义千问Qwen3-32B):
    /// the version is the product the sentence speaks of, and the family name before it only says whose line it is.
    /// Where a lexicon product stands right before another product whose name opens with one of the family's names
    /// and goes on (Qwen → Qwen2.5, not Qwen → Qwentic), the family's mention is dropped, so that the version is the
    /// object of what is said (基于…通义千问Qwen2.5做了微调) and the family is not named there as well.
    /// </summary>
    private void DropFamilyLabelsBeforeVersions(Document document)
    {
        var text = document.Text;
        var mentions = document.Mentions.Where(m => !m.IsAnaphor).OrderBy(m => m.Range.Start).ToList();
        var labels = new List<Mention>();
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var (family, version) = (mentions[i], mentions[i + 1]);
            if (family is not { Type: "Product", LexiconId: not null } || version.Type != "Product" || version.LexiconId == family.LexiconId) continue;
            if (!OnlySpacesBetween(text, family.Range.End, version.Range.Start)) continue;
            var entry = lexicon.ById(family.LexiconId);
            if (entry is null || !entry.AllNames.Any(name => IsVersionOf(version.Text, name))) continue;
            labels.Add(family);
        }
        document.Mentions.RemoveAll(labels.Contains);
    }

    /// <summary>A Latin family name the version's name opens with and goes on after (Qwen2.5, Qwen-VL of Qwen).</summary>
    private static bool IsVersionOf(string versionName, string familyName) =>
        familyName.Length >= MinLatinFamilyName && familyName.All(c => c < 0x3000) && versionName.Length > familyName.Length
        && versionName.StartsWith(familyName, StringComparison.OrdinalIgnoreCase) && ProductFamilies.GoesOn(versionName, familyName.Length);

    private static bool OnlySpacesBetween(string text, int start, int end) => start <= end && text.AsSpan(start, end - start).IsWhiteSpace();

    /// <summary>Shorter Latin names (Yi, Mu) open too many unrelated names to be read as a family's.</summary>
    private const int MinLatinFamilyName = 3;
}
