namespace KnowledgeGraph.Extraction.Reading;

/// <summary>An article as read: <see cref="Text"/> is exactly what offsets in the output point into.</summary>
public sealed record Article(string Source, string Text, string? Title, DateTime? PublishedAt, string? Url);
