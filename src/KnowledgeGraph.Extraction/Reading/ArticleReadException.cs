namespace KnowledgeGraph.Extraction.Reading;

/// <summary>The input could not be read as an article; the message names the source and the reason.</summary>
public sealed class ArticleReadException(string source, string reason)
    : Exception($"{source}: {reason}");
