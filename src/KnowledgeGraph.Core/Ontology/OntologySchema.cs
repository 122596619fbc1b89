using System.Text.Json;

namespace KnowledgeGraph.Ontology;

public sealed record EntityTypeDefinition(string Name, string IdPrefix, bool Scored);

public sealed record DealRoles(string SubjectRole, string ObjectRole);

public sealed record RelationTypeDefinition(
    string Name,
    IReadOnlyList<string> Subject,
    IReadOnlyList<string> Object,
    bool Symmetric,
    IReadOnlyList<string> Attributes,
    DealRoles? Deal)
{
    public bool IsDeal => Deal is not null;

    public bool Accepts(string subjectType, string objectType) =>
        Subject.Contains(subjectType) && Object.Contains(objectType);
}

/// <summary>The contract of <c>graph-schema/ontology.json</c>, loaded once; code asks it instead of repeating it.</summary>
public sealed class OntologySchema
{
    private readonly Dictionary<string, EntityTypeDefinition> _entityTypes;
    private readonly Dictionary<string, RelationTypeDefinition> _relationTypes;

    private OntologySchema(IEnumerable<EntityTypeDefinition> entityTypes, IEnumerable<RelationTypeDefinition> relationTypes,
        IReadOnlyDictionary<string, string> attributes)
    {
        _entityTypes = entityTypes.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _relationTypes = relationTypes.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Attributes = attributes;
    }

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public static OntologySchema Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<EntityTypeDefinition> EntityTypes => _entityTypes.Values;
    public IReadOnlyCollection<RelationTypeDefinition> RelationTypes => _relationTypes.Values;
    public IReadOnlyDictionary<string, string> Attributes { get; }

    public EntityTypeDefinition EntityType(string name) =>
        _entityTypes.TryGetValue(name, out var type) ? type : throw new UnknownOntologyTermException("entity type", name);

    public RelationTypeDefinition RelationType(string name) =>
        _relationTypes.TryGetValue(name, out var type) ? type : throw new UnknownOntologyTermException("relation type", name);

    public bool IsEntityType(string name) => _entityTypes.ContainsKey(name);
    public bool IsRelationType(string name) => _relationTypes.ContainsKey(name);

    public IEnumerable<RelationTypeDefinition> DealTypes => _relationTypes.Values.Where(t => t.IsDeal);

    public static OntologySchema Parse(string json)
    {
        var file = JsonSerializer.Deserialize<OntologyFile>(json, SerializerOptions);
        if (file?.EntityTypes is null || file.RelationTypes is null || file.Attributes is null)
            throw new InvalidDataException("ontology.json needs entityTypes, relationTypes and attributes");
        var schema = new OntologySchema(file.EntityTypes, file.RelationTypes, file.Attributes);
        foreach (var relation in file.RelationTypes)
        {
            foreach (var type in relation.Subject.Concat(relation.Object))
            {
                if (!schema.IsEntityType(type))
                    throw new InvalidDataException($"ontology.json: relation {relation.Name} names unknown entity type '{type}'");
            }
            foreach (var attribute in relation.Attributes)
            {
                if (!schema.Attributes.ContainsKey(attribute))
                    throw new InvalidDataException($"ontology.json: relation {relation.Name} names unknown attribute '{attribute}'");
            }
        }
        return schema;
    }

    private static OntologySchema LoadEmbedded()
    {
        using var stream = typeof(OntologySchema).Assembly.GetManifestResourceStream("KnowledgeGraph.ontology.json")
                           ?? throw new InvalidOperationException("ontology.json is not embedded in KnowledgeGraph.Core");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed class OntologyFile
    {
        public List<EntityTypeDefinition>? EntityTypes { get; init; }
        public List<RelationTypeDefinition>? RelationTypes { get; init; }
        public Dictionary<string, string>? Attributes { get; init; }
    }
}

public sealed class UnknownOntologyTermException(string kind, string name)
    : Exception($"'{name}' is not an {kind} of the ontology");
