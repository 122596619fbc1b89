namespace KnowledgeGraph.Cli.Ingestion;

/// <summary>Counters the workers and the writer update and a display reads while the run goes on.</summary>
public sealed class IngestProgress
{
    private long _filesDone;
    private long _filesSkipped;
    private long _filesFailed;
    private long _articles;
    private long _entities;
    private long _relations;
    private long _characters;

    public long FilesDone => Interlocked.Read(ref _filesDone);
    public long FilesSkipped => Interlocked.Read(ref _filesSkipped);
    public long FilesFailed => Interlocked.Read(ref _filesFailed);
    public long Articles => Interlocked.Read(ref _articles);
    public long Entities => Interlocked.Read(ref _entities);
    public long Relations => Interlocked.Read(ref _relations);
    public long Characters => Interlocked.Read(ref _characters);

    /// <summary>Files finished one way or another: stored, skipped as already ingested, or failed.</summary>
    public long FilesSettled => FilesDone + FilesSkipped + FilesFailed;

    internal void FileSkipped() => Interlocked.Increment(ref _filesSkipped);
    internal void FileFailed() => Interlocked.Increment(ref _filesFailed);

    internal void Stored(int files, int articles, int entities, int relations, long characters)
    {
        Interlocked.Add(ref _filesDone, files);
        Interlocked.Add(ref _articles, articles);
        Interlocked.Add(ref _entities, entities);
        Interlocked.Add(ref _relations, relations);
        Interlocked.Add(ref _characters, characters);
    }
}
