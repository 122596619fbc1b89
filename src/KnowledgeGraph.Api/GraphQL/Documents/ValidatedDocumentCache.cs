using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Documents;

/// <summary>
/// Parsed documents that have passed validation once, keyed by their text and operation name, so that a client
/// repeating a query (a dashboard, a notebook loop) pays for parsing and the document-only validation rules once.
/// Bounded in entries and in the length of the texts it keeps; the least recently used entry leaves first. What the
/// endpoint needs to know about a document on every request is worked out once, when it is kept.
/// </summary>
public sealed class ValidatedDocumentCache(int capacity, int maxQueryLength)
{
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _byRecentUse = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    public CachedDocument? Find(string query, string? operationName)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(new Key(query, operationName), out var node))
                return null;
            _byRecentUse.Remove(node);
            _byRecentUse.AddFirst(node);
            return node.Value.Cached;
        }
    }

    /// <summary>Keeps a document that validated; longer texts are not kept, so the cache's memory stays bounded.</summary>
    public void Add(string query, string? operationName, GraphQLDocument document)
    {
        if (capacity <= 0 || query.Length > maxQueryLength)
            return;
        var key = new Key(query, operationName);
        var cached = new CachedDocument(document, ComplexityInputs.DependOnVariables(document));
        lock (_lock)
        {
            if (_entries.ContainsKey(key))
                return;
            if (_entries.Count >= capacity && _byRecentUse.Last is { } oldest)
            {
                _byRecentUse.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
            _entries[key] = _byRecentUse.AddFirst(new Entry(key, cached));
        }
    }

    private readonly record struct Key(string Query, string? OperationName);

    private sealed record Entry(Key Key, CachedDocument Cached);
}

/// <summary>A document that validated once, and whether other variables could change its complexity verdict.</summary>
public sealed record CachedDocument(GraphQLDocument Document, bool ComplexityDependsOnVariables);
