using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>The identity of an aggregated edge: type, subject, object, with symmetric types in one canonical direction.</summary>
internal sealed record RelationKey(string Type, string SubjectId, string ObjectId)
{
    public static RelationKey Of(string type, string subjectId, string objectId) =>
        IsSymmetric(type) && string.CompareOrdinal(subjectId, objectId) > 0
            ? new RelationKey(type, objectId, subjectId)
            : new RelationKey(type, subjectId, objectId);

    public static bool IsSymmetric(string type) =>
        OntologySchema.Default.IsRelationType(type) && OntologySchema.Default.RelationType(type).Symmetric;

    public string Id => "rel:" + ArticleIdentity.ContentHash($"{Type}\u001f{SubjectId}\u001f{ObjectId}")[..32];

    public bool IsLoop => SubjectId == ObjectId;
}
