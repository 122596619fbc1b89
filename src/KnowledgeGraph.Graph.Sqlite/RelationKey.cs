using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>The identity of an edge: type plus its two ends, symmetric types in one canonical (ordinal) order.</summary>
internal readonly record struct RelationKey(string Type, string SubjectId, string ObjectId)
{
    public static RelationKey Of(OntologySchema ontology, string type, string subjectId, string objectId) =>
        ontology.RelationType(type).Symmetric && string.CompareOrdinal(subjectId, objectId) > 0
            ? new RelationKey(type, objectId, subjectId)
            : new RelationKey(type, subjectId, objectId);

    public bool IsLoop => SubjectId == ObjectId;

    public string Id => "rel:" + Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes($"{Type}\u001f{SubjectId}\u001f{ObjectId}")))[..32];
}
