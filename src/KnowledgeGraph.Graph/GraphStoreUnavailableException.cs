namespace KnowledgeGraph.Graph;

/// <summary>
/// The store could not be reached or gave up for now (server down, restarting, overloaded). Nothing of the failed call
/// was kept, so the same call may be tried again later; callers tell this apart from a refused request.
/// </summary>
public sealed class GraphStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
