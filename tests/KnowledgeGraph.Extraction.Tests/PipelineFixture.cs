using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>One pipeline for all tests: it loads dictionaries once, as the service does.</summary>
public sealed class PipelineFixture
{
    public ExtractionPipeline Pipeline { get; } = new();

    public ExtractionResult Extract(string body, DateTime? publishedAt = null) =>
        Pipeline.Extract(new Article("test", body, null, publishedAt ?? new DateTime(2024, 3, 22), null));
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "pipeline";
}

public static class ResultAssertions
{
    public static ExtractedEntity Entity(this ExtractionResult result, string name) =>
        result.Entities.FirstOrDefault(e => e.Name == name || e.Aliases.Contains(name))
        ?? throw new Xunit.Sdk.XunitException($"no entity '{name}' among: {string.Join(", ", result.Entities.Select(e => $"{e.Type}:{e.Name}"))}");

    public static bool HasEntity(this ExtractionResult result, string name) =>
        result.Entities.Any(e => e.Name == name || e.Aliases.Contains(name));

    public static ExtractedRelation? Relation(this ExtractionResult result, string type, string subject, string @object)
    {
        if (!result.HasEntity(subject) || !result.HasEntity(@object)) return null;
        var s = result.Entity(subject).Id;
        var o = result.Entity(@object).Id;
        return result.Relations.FirstOrDefault(r => r.Type == type && (r.Subject == s && r.Object == o
            || type is "PARTNERED_WITH" or "COMPETES_WITH" && r.Subject == o && r.Object == s));
    }

    public static string Describe(this ExtractionResult result) =>
        string.Join("; ", result.Relations.Select(r => $"{r.Type} {r.Subject}→{r.Object}"));
}
