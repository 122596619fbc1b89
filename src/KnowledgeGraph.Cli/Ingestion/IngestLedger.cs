namespace KnowledgeGraph.Cli.Ingestion;

/// <summary>
/// The content hashes of files whose every article is committed to the store, one per line, appended after each
/// batch commits. It only lets a rerun skip reading and extracting those files: the store itself is idempotent, so a
/// hash lost in a crash after the commit costs a re-extraction, never a duplicate.
/// </summary>
public sealed class IngestLedger : IDisposable
{
    private readonly HashSet<string> _done;
    private readonly StreamWriter? _writer;

    private IngestLedger(HashSet<string> done, StreamWriter? writer)
    {
        _done = done;
        _writer = writer;
    }

    /// <summary>A ledger that remembers nothing: every file is read and the store decides.</summary>
    public static IngestLedger None() => new([], null);

    public static IngestLedger Open(string path)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                var hash = line.Split('\t', 2)[0].Trim();
                if (hash.Length > 0) done.Add(hash);
            }
        }
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new IngestLedger(done, new StreamWriter(stream));
    }

    public bool Contains(string fileHash)
    {
        lock (_done) return _done.Contains(fileHash);
    }

    public void Record(IEnumerable<(string Hash, string Path)> files)
    {
        lock (_done)
        {
            foreach (var (hash, path) in files)
            {
                if (!_done.Add(hash) || _writer is null) continue;
                _writer.Write(hash);
                _writer.Write('\t');
                _writer.WriteLine(path);
            }
            _writer?.Flush();
        }
    }

    public void Dispose() => _writer?.Dispose();
}
