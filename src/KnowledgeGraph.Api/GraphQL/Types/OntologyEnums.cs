using GraphQL.Types;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>Entity types from graph-schema/ontology.json, so the schema and the ontology cannot drift apart.</summary>
public sealed class EntityTypeEnum : EnumerationGraphType
{
    public EntityTypeEnum()
    {
        Name = "EntityType";
        foreach (var type in OntologySchema.Default.EntityTypes.OrderBy(t => t.Name, StringComparer.Ordinal))
            Add(type.Name, type.Name);
    }
}

public sealed class RelationTypeEnum : EnumerationGraphType
{
    public RelationTypeEnum()
    {
        Name = "RelationType";
        foreach (var type in OntologySchema.Default.RelationTypes.OrderBy(t => t.Name, StringComparer.Ordinal))
            Add(type.Name, type.Name, $"{string.Join(" or ", type.Subject)} → {string.Join(" or ", type.Object)}{(type.Symmetric ? " (symmetric)" : "")}");
    }
}

/// <summary>A deal is a deal-type relation seen as an event; its kind is that relation type.</summary>
public sealed class DealKindEnum : EnumerationGraphType
{
    public DealKindEnum()
    {
        Name = "DealKind";
        foreach (var type in OntologySchema.Default.DealTypes.OrderBy(t => t.Name, StringComparer.Ordinal))
            Add(type.Name, type.Name, $"roles {type.Deal!.SubjectRole} and {type.Deal.ObjectRole}");
    }
}

public sealed class DirectionEnum : EnumerationGraphType<Direction>
{
    public DirectionEnum()
    {
        Name = "Direction";
    }
}
