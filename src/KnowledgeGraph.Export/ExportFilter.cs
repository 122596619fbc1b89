using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Export;

/// <summary>
/// Which part of the graph to export. Entity types keep nodes (and edges between kept nodes); relation types and the
/// date range keep edges; <see cref="EntityId"/> narrows the export to that entity's neighbourhood of <see cref="Depth"/>.
/// </summary>
public sealed record ExportFilter(
    IReadOnlyCollection<string>? EntityTypes = null,
    IReadOnlyCollection<string>? RelationTypes = null,
    string? From = null,
    string? To = null,
    string? EntityId = null,
    int Depth = 1,
    int NeighbourhoodLimit = 5000)
{
    public const int MaxDepth = 3;

    public static ExportFilter WholeGraph { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value, before anything is written.</summary>
    public void Validate(OntologySchema ontology)
    {
        foreach (var type in EntityTypes ?? [])
            if (!ontology.IsEntityType(type))
                throw new ArgumentException($"entity type '{type}' is unknown; known: {string.Join(", ", ontology.EntityTypes.Select(t => t.Name))}");
        foreach (var type in RelationTypes ?? [])
            if (!ontology.IsRelationType(type))
                throw new ArgumentException($"relation type '{type}' is unknown; known: {string.Join(", ", ontology.RelationTypes.Select(t => t.Name))}");
        if (Depth is < 1 or > MaxDepth) throw new ArgumentException($"depth {Depth} is out of range 1-{MaxDepth}");
        if (From is not null && To is not null && string.CompareOrdinal(From, To) > 0)
            throw new ArgumentException($"the range from {From} to {To} is empty");
    }
}
