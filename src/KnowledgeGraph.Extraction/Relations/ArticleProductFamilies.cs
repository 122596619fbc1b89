using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Versions and editions of a product the article says someone makes (EXAONE 4.0 after LG AI研究院的EXAONE系列, Qwen3-235B-A22B
/// after 阿里发布Qwen3, Falcon 180B after TII开源了Falcon 40B) come from the same maker, though the sentence naming the version
/// names no maker (今年7月发布的EXAONE 4.0…): a product no pattern gave a maker whose name is a family's name and more is that
/// family's maker's, where the family (the product named by the leading part, or its other versions) has one maker only.
/// The family itself is not given its versions' maker: a bare family name is often another product's or a different
/// grouping than the one the versions belong to (ESM for EvolutionaryScale's ESM3, MN-Core for a partner's MN-Core 2).
/// </summary>
public static class ArticleProductFamilies
{
    private const double VersionConfidence = 0.55;

    /// <summary>The shortest family name: shorter Latin names are letters or words (A.X, Pro), too loose to group by.</summary>
    private const int MinLatinFamilyName = 3;

    private const int MinChineseFamilyName = 2;

    /// <summary>
    /// DEVELOPS from a family's one maker to each of its products that has none, unless the lexicon knows another maker of
    /// the product (<paramref name="mayMake"/> says whether the organization may make the product).
    /// </summary>
    public static IEnumerable<RelationCandidate> MakersOfVersions(Document document, Func<EntityCluster, EntityCluster, bool> mayMake)
    {
        var products = document.Entities.Where(e => e.Type == "Product" && e.Name.Length > 0).ToList();
        if (products.Count < 2) yield break;
        var makersOf = document.Relations.Where(r => r.Type == "DEVELOPS")
            .GroupBy(r => r.Object)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Subject).Distinct().ToList());
        var families = new Dictionary<string, List<EntityCluster>>(StringComparer.OrdinalIgnoreCase);
        foreach (var product in products)
        {
            if (FamilyName(product, products) is { } family)
                (families.TryGetValue(family, out var members) ? members : families[family] = []).Add(product);
        }
        foreach (var (family, versions) in families)
        {
            var root = products.FirstOrDefault(p => string.Equals(p.Name, family, StringComparison.OrdinalIgnoreCase));
            var group = root is null ? versions : versions.Prepend(root).ToList();
            var makers = group.SelectMany(p => makersOf.TryGetValue(p, out var m) ? m : []).Distinct().ToList();
            if (makers.Count != 1) continue;
            foreach (var product in versions.Where(p => !makersOf.ContainsKey(p) && mayMake(makers[0], p)))
            {
                var sentence = product.Mentions.Where(m => !m.IsAnaphor && m.Sentence >= 0).Select(m => m.Sentence)
                    .DefaultIfEmpty(-1).Min();
                if (sentence < 0) continue;
                yield return new RelationCandidate("DEVELOPS", makers[0], product, VersionConfidence, document.Sentences[sentence],
                    RelationAttributes.None);
            }
        }
    }

    /// <summary>The longest name of another product of the article that the product's name goes on from (Claude in Claude Opus 4.1).</summary>
    private static string? FamilyName(EntityCluster product, List<EntityCluster> products)
    {
        string? family = null;
        foreach (var other in products)
        {
            var name = other.Name;
            if (other == product || name.Length >= product.Name.Length || family is not null && name.Length <= family.Length) continue;
            if (name.Length < (IsLatin(name[^1]) ? MinLatinFamilyName : MinChineseFamilyName)) continue;
            if (product.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase) && ProductFamilies.GoesOn(product.Name, name.Length))
                family = name;
        }
        return family;
    }

    private static bool IsLatin(char c) => c < 0x3000;
}
