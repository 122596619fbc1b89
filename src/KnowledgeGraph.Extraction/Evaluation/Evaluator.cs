using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Extraction.Resolution;
using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Evaluation;

/// <summary>
/// Scores extraction against gold annotations. A predicted entity matches a gold one of the same type when any of
/// its names, aliases or mention texts equals any gold name or alias (compared as <see cref="NameKey"/>); a relation
/// matches when its type and matched arguments do (either direction for symmetric types). Optional gold items count
/// neither for nor against; only the ontology's scored entity types are scored.
/// </summary>
public sealed class Evaluator(IArticleExtractor extractor, OntologySchema? ontology = null)
{
    private readonly OntologySchema _ontology = ontology ?? OntologySchema.Default;

    public EvaluationReport Evaluate(string directory)
    {
        var report = new EvaluationReport();
        foreach (var goldPath in Directory.EnumerateFiles(directory, "*.gold.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(goldPath)[..^".gold.json".Length];
            var articlePath = ArticleReader.ArticleExtensions.Select(ext => Path.Combine(directory, name + ext)).FirstOrDefault(File.Exists);
            if (articlePath is null)
            {
                report.Errors.Add($"{goldPath}: no article file {name}.txt/.html/.json beside it");
                continue;
            }
            try
            {
                var gold = GoldArticle.Load(goldPath);
                var result = extractor.Extract(ArticleReader.ReadFile(articlePath)[0]);
                Score(name, gold, result, report);
                report.Articles++;
            }
            catch (Exception e) when (e is ArticleReadException or InvalidDataException)
            {
                report.Errors.Add(e.Message);
            }
        }
        return report;
    }

    public void Score(string name, GoldArticle gold, ExtractionResult result, EvaluationReport report)
    {
        var scored = _ontology.EntityTypes.Where(t => t.Scored).Select(t => t.Name).ToHashSet();
        var goldEntities = gold.Entities.Where(e => scored.Contains(e.Type)).ToList();
        var predicted = result.Entities.Where(e => scored.Contains(e.Type)).ToList();

        var matchOf = new Dictionary<string, GoldEntity>(StringComparer.Ordinal);
        foreach (var entity in predicted)
        {
            var keys = entity.Aliases.Append(entity.Name).Concat(entity.Mentions.Select(m => m.Text)).Select(NameKey.Of).ToHashSet();
            var match = goldEntities.FirstOrDefault(g => g.Type == entity.Type && !matchOf.ContainsValue(g) && GoldKeys(g).Overlaps(keys))
                        ?? goldEntities.FirstOrDefault(g => g.Type == entity.Type && GoldKeys(g).Overlaps(keys));
            if (match is null)
            {
                report.Entities.FalsePositives++;
                report.Details.Add($"{name}: spurious entity {entity.Type} {entity.Name}");
                continue;
            }
            if (matchOf.ContainsValue(match)) continue;
            matchOf[entity.Id] = match;
            if (!match.Optional) report.Entities.TruePositives++;
        }
        foreach (var missed in goldEntities.Where(g => !g.Optional && !matchOf.ContainsValue(g)))
        {
            report.Entities.FalseNegatives++;
            report.Details.Add($"{name}: missed entity {missed.Type} {missed.Name}");
        }

        var found = new HashSet<GoldRelation>();
        foreach (var relation in result.Relations)
        {
            var subject = matchOf.GetValueOrDefault(relation.Subject)?.Name;
            var @object = matchOf.GetValueOrDefault(relation.Object)?.Name;
            var symmetric = _ontology.IsRelationType(relation.Type) && _ontology.RelationType(relation.Type).Symmetric;
            var match = gold.Relations.FirstOrDefault(g => g.Type == relation.Type
                && (g.Subject == subject && g.Object == @object || symmetric && g.Subject == @object && g.Object == subject));
            if (match is null)
            {
                report.Relations.FalsePositives++;
                report.ForType(relation.Type).FalsePositives++;
                report.Details.Add($"{name}: spurious {relation.Type} {Label(result, relation.Subject)} → {Label(result, relation.Object)} «{relation.Evidence.Text}»");
                continue;
            }
            if (!found.Add(match) || match.Optional) continue;
            report.Relations.TruePositives++;
            report.ForType(relation.Type).TruePositives++;
        }
        foreach (var missed in gold.Relations.Where(g => !g.Optional && !found.Contains(g)))
        {
            report.Relations.FalseNegatives++;
            report.ForType(missed.Type).FalseNegatives++;
            report.Details.Add($"{name}: missed {missed.Type} {missed.Subject} → {missed.Object}");
        }
    }

    private static HashSet<string> GoldKeys(GoldEntity entity) =>
        (entity.Aliases ?? []).Append(entity.Name).Select(NameKey.Of).ToHashSet();

    private static string Label(ExtractionResult result, string id) => result.Entities.FirstOrDefault(e => e.Id == id)?.Name ?? id;
}
