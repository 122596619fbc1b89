using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Products named after their maker (Perplexity Pro, Magic-G4, Figure 01, 腾讯元宝): a product whose name begins with
/// the name of an organization the article names is that organization's, unless something says otherwise.
/// </summary>
public static class MakerNames
{
    /// <summary>The shortest organization name that may name a product after it: shorter Latin names are often words.</summary>
    private const int MinLatinMakerName = 3;

    private const int MinChineseMakerName = 2;

    /// <summary>Each product named after an organization of the article, with that organization and the sentence naming the product.</summary>
    public static Dictionary<EntityCluster, (EntityCluster Maker, Sentence Sentence)> ProductsNamedAfterMakers(Document document)
    {
        var found = new Dictionary<EntityCluster, (EntityCluster, Sentence)>();
        var organizationNames = document.Entities.Where(e => e.Type == "Organization")
            .SelectMany(o => o.Mentions.Where(m => !m.IsAnaphor).Select(m => (Name: m.Text, Organization: o)))
            .Where(n => n.Name.Length >= (IsLatin(n.Name[^1]) ? MinLatinMakerName : MinChineseMakerName))
            .DistinctBy(n => n.Name)
            .ToList();
        if (organizationNames.Count == 0) return found;
        foreach (var product in document.Entities.Where(e => e.Type == "Product"))
        {
            foreach (var mention in product.Mentions.Where(m => !m.IsAnaphor && m.Sentence >= 0))
            {
                var maker = organizationNames.Where(n => NamesAfter(mention.Text, n.Name) || ModelOfCore(mention.Text, n.Name))
                    .Select(n => n.Organization).FirstOrDefault();
                if (maker is null) continue;
                found[product] = (maker, document.Sentences[mention.Sentence]);
                break;
            }
        }
        return found;
    }

    /// <summary>
    /// Whether the product's name is the organization's followed by more of its own: after a Latin name a space, a
    /// hyphen, a digit or a Chinese character must follow (Perplexity Pro, Magic-G4, but not Metaverse for Meta).
    /// </summary>
    private static bool NamesAfter(string productName, string organizationName)
    {
        if (productName.Length <= organizationName.Length || !productName.StartsWith(organizationName, StringComparison.OrdinalIgnoreCase)) return false;
        if (!IsLatin(organizationName[^1])) return true;
        var next = productName[organizationName.Length];
        return next is ' ' or '-' or '_' || char.IsDigit(next) || !IsLatin(next) && char.IsLetter(next);
    }

    /// <summary>
    /// Whether the product is a model code (Latin letters or digits) after the organization's name without its two-character
    /// ending (公司's kind: 创新, 汽车, 科技): 雷鸟V3 of 雷鸟创新, 理想MEGA of 理想汽车. The core kept is at least two
    /// Chinese characters, and only a model code may follow it, so a longer Chinese name (极光大道) is not read as a model.
    /// </summary>
    private static bool ModelOfCore(string productName, string organizationName)
    {
        const int ending = 2;
        var core = organizationName.Length - ending;
        if (core < MinChineseMakerName || productName.Length <= core || organizationName.Any(IsLatin)) return false;
        if (!productName.StartsWith(organizationName.AsSpan(0, core), StringComparison.Ordinal)) return false;
        var next = productName[core];
        return char.IsAsciiLetterOrDigit(next) && productName.Skip(core).All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '+');
    }

    private static bool IsLatin(char c) => c < 0x3000;
}
