using System.Text;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Recognition;
using KnowledgeGraph.Ontology;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// Gathers the mentions of one real-world thing into one entity: lexicon names by their lexicon id, other names by
/// type and name without legal endings (月之暗面科技有限公司 = 月之暗面). Short forms of names found in the article
/// (阿莫代伊 after 达里奥·阿莫代伊, Inflection after Inflection AI) are looked for and join their entity. Each step
/// has its own part: mentions that are one entity whatever their names (EntityResolver.Joins), short names the
/// article introduces (.Abbreviations), names seen again in shorter forms (.ShortForms), short forms of lexicon
/// names (.KnownShortNames), a maker's trade name and a Latin model name run together (.ModelNames), a family's name
/// written before its version's (.FamilyLabels).
/// </summary>
public sealed partial class EntityResolver(Lexicon lexicon, OntologySchema ontology, LanguageResources resources, LabelledSpellingRecogniser labelledSpellings, RecognitionData recognition,
    SharedResolutionWords sharedWords)
    : IPipelineStage
{
    private readonly PlaceLessForms _placeLessForms = new(lexicon, resources, recognition);

    private readonly RenameLinks _renameLinks = new(resources);

    private readonly ChineseNameHeads _chineseHeads = new(lexicon, recognition, resources, sharedWords);

    private readonly IReadOnlyList<string> _legalSuffixes = resources.Lines("resolution/legal-suffixes.txt")
        .Select(l => l.Trim()).OrderByDescending(l => l.Length).ToList();

    /// <summary>Words closing an English organization name that the text may leave off (resolution/english-organization-tails.txt).</summary>
    private readonly string[] _englishOrganizationTails = EnglishOrganizationTails(resources);

    public void Process(Document document)
    {
        var abbreviations = IntroducedAbbreviations(document);
        var heads = _chineseHeads.Of(document, KeyOf);
        AddShortForms(document, abbreviations, heads);
        JoinModelNamesToMakers(document);
        DropFamilyLabelsBeforeVersions(document);
        var clusters = new Dictionary<string, EntityCluster>(StringComparer.Ordinal);
        var keys = AppositionKeys(document);
        JoinRenamedNames(document, keys);
        JoinFormerNamesOfKnownCompanies(document, keys);
        JoinAbbreviationsToFullNames(document, keys, abbreviations);
        JoinLatinShortNames(document, keys);
        var fullNames = FullNameKeys(document, keys, heads);
        JoinSurnamesToFullNames(document, keys, fullNames);
        JoinKnownShortNamesToArticlePeople(document, keys, fullNames);
        var knownShortNames = KnownShortNames(document);
        foreach (var mention in document.Mentions.Where(m => !m.IsAnaphor))
        {
            if (mention.LexiconId is null && !keys.ContainsKey(mention) && knownShortNames.TryGetValue(mention.Text, out var known))
            {
                keys[mention] = known.Id;
                mention.Type = known.Type;
            }
            if (mention.LexiconId is null && !keys.ContainsKey(mention) && IsSurnameOfPersonNamed(mention, fullNames, out var person))
            {
                keys[mention] = person;
                mention.Type = "Person";
            }
            var key = keys.GetValueOrDefault(mention)
                      ?? (mention.LexiconId is null && fullNames.TryGetValue((mention.Type, mention.Text), out var full) ? full : KeyOf(mention));
            if (!clusters.TryGetValue(key, out var cluster))
            {
                var entry = key.Contains('|') ? null : lexicon.ById(key);
                cluster = new EntityCluster(entry?.Id ?? "", entry?.Type ?? mention.Type) { LexiconId = entry?.Id };
                if (entry is not null)
                {
                    foreach (var name in entry.AllNames) cluster.KnownNames.Add(name);
                }
                clusters[key] = cluster;
                document.Entities.Add(cluster);
            }
            cluster.Mentions.Add(mention);
            mention.Entity = cluster;
        }
        foreach (var cluster in document.Entities) Name(cluster);
    }

    private string KeyOf(Mention mention) => mention.LexiconId ?? $"{mention.Type}|{BaseKey(mention.Text, mention.Type)}";

    private string StripLegalSuffix(string name)
    {
        foreach (var suffix in _legalSuffixes)
        {
            if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal))
                return name[..^suffix.Length].TrimEnd();
        }
        return name;
    }

    private string BaseKey(string text, string type) => NameKey.Of(type == "Organization" ? StripLegalSuffix(text) : text);

    /// <summary>The canonical name: the lexicon's, else the fullest Latin spelling seen, else the fullest Chinese one.</summary>
    private void Name(EntityCluster cluster)
    {
        var entry = cluster.LexiconId is null ? null : lexicon.ById(cluster.LexiconId);
        var surfaces = cluster.Mentions.Select(m => m.Text).Distinct(StringComparer.Ordinal).ToList();
        foreach (var surface in surfaces) cluster.KnownNames.Add(surface);
        cluster.Name = entry?.Name
                       ?? surfaces.Where(s => !s.Any(IsHan)).OrderByDescending(s => s.Length).FirstOrDefault()
                       ?? surfaces.OrderByDescending(s => s.Length).First();
        cluster.ChineseName = entry?.ChineseNames.FirstOrDefault()
                              ?? surfaces.Where(s => s.Any(IsHan)).OrderByDescending(s => s.Length).FirstOrDefault();
        if (cluster.Id.Length == 0)
            cluster.Id = $"{ontology.EntityType(cluster.Type).IdPrefix}:{Slug(cluster.Name)}";
    }

    /// <summary>Lower-case words joined by hyphens; Chinese characters are kept as they are.</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in NameKey.Of(name.Replace(' ', '-').Replace('·', '-')))
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }
}
