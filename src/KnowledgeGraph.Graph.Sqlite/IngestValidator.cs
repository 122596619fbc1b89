using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>Checks a whole batch before anything is written, so a bad article is named and nothing is stored.</summary>
internal static class IngestValidator
{
    public static void Validate(IReadOnlyList<ExtractionResult> batch, OntologySchema ontology)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (var index = 0; index < batch.Count; index++)
        {
            var result = batch[index] ?? throw Invalid(index, "?", "the extraction result is null");
            if (result.Article is null) throw Invalid(index, "?", "it has no article information");
            if (string.IsNullOrWhiteSpace(result.Article.ContentHash)) throw Invalid(index, "?", "its content hash is empty");
            var articleId = ArticleIdentity.IdOf(result.Article);
            ValidateArticle(result, ontology, (problem) => Invalid(index, articleId, problem));
        }
    }

    private static void ValidateArticle(ExtractionResult result, OntologySchema ontology, Func<string, Exception> invalid)
    {
        var entityIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in result.Entities ?? throw invalid("its entity list is null"))
        {
            if (entity is null || string.IsNullOrWhiteSpace(entity.Id)) throw invalid("an entity has no id");
            if (string.IsNullOrWhiteSpace(entity.Name)) throw invalid($"entity '{entity.Id}' has no name");
            if (!ontology.IsEntityType(entity.Type)) throw invalid($"entity '{entity.Id}' has type '{entity.Type}', which is not in the ontology");
            if (entity.Aliases is null || entity.Aliases.Any(string.IsNullOrWhiteSpace)) throw invalid($"entity '{entity.Id}' has a null or empty alias");
            foreach (var mention in entity.Mentions ?? throw invalid($"entity '{entity.Id}' has a null mention list"))
                CheckSpan(mention, $"a mention of '{entity.Id}'", invalid);
            entityIds.Add(entity.Id);
        }

        var relations = result.Relations ?? throw invalid("its relation list is null");
        for (var i = 0; i < relations.Count; i++)
        {
            var relation = relations[i] ?? throw invalid($"relation {i} is null");
            if (!ontology.IsRelationType(relation.Type)) throw invalid($"relation {i} has type '{relation.Type}', which is not in the ontology");
            CheckParty(relation.Subject, $"relation {i} ({relation.Type}) names subject", entityIds, invalid);
            CheckParty(relation.Object, $"relation {i} ({relation.Type}) names object", entityIds, invalid);
            CheckConfidence(relation.Confidence, $"relation {i} ({relation.Type})", invalid);
            CheckSpan(relation.Evidence, $"the evidence of relation {i}", invalid);
            if (relation.Attributes is null) throw invalid($"relation {i} ({relation.Type}) has null attributes");
        }

        var deals = result.Deals ?? throw invalid("its deal list is null");
        for (var i = 0; i < deals.Count; i++)
        {
            var deal = deals[i] ?? throw invalid($"deal {i} is null");
            if (!ontology.IsRelationType(deal.Kind) || !ontology.RelationType(deal.Kind).IsDeal)
                throw invalid($"deal {i} has kind '{deal.Kind}', which is not a deal type of the ontology");
            if (deal.Parties is null || deal.Parties.Count == 0) throw invalid($"deal {i} ({deal.Kind}) has no parties");
            foreach (var party in deal.Parties)
            {
                if (party is null || string.IsNullOrWhiteSpace(party.Role)) throw invalid($"deal {i} ({deal.Kind}) has a party without a role");
                CheckParty(party.EntityId, $"deal {i} ({deal.Kind}) names party", entityIds, invalid);
            }
            CheckConfidence(deal.Confidence, $"deal {i} ({deal.Kind})", invalid);
            CheckSpan(deal.Evidence, $"the evidence of deal {i}", invalid);
        }
    }

    private static void CheckParty(string? id, string what, HashSet<string> entityIds, Func<string, Exception> invalid)
    {
        if (id is null || !entityIds.Contains(id))
            throw invalid($"{what} '{id}', which is not among the article's entities");
    }

    private static void CheckConfidence(double confidence, string what, Func<string, Exception> invalid)
    {
        if (double.IsNaN(confidence) || confidence < 0 || confidence > 1)
            throw invalid($"{what} has confidence {confidence}, outside 0..1");
    }

    private static void CheckSpan(TextSpan? span, string what, Func<string, Exception> invalid)
    {
        if (span is null || span.Text is null) throw invalid($"{what} has no text span");
        if (span.Start < 0 || span.End < span.Start) throw invalid($"{what} has offsets {span.Start}..{span.End}");
    }

    private static GraphQueryException Invalid(int index, string articleId, string problem) =>
        new("INVALID_INPUT", $"article {index} of the batch ({articleId}) was refused and nothing of the batch was stored: {problem}");
}
