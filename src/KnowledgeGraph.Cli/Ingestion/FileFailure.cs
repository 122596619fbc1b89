namespace KnowledgeGraph.Cli.Ingestion;

/// <summary>A file that could not be read, extracted or stored; the run goes on without it.</summary>
public sealed record FileFailure(string Path, string Message);
