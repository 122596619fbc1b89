using System.Buffers.Binary;

namespace KnowledgeGraph.Cli.Ingestion;

/// <summary>
/// The content hashes of files whose every article is committed to the store, one per line, appended after each
/// batch commits. It only lets a rerun skip reading and extracting those files: the store itself is idempotent, so a
/// hash lost in a crash after the commit costs a re-extraction, never a duplicate. Hashes are held as 32 bytes rather
/// than 64-character strings: the set is the one part of an ingest's memory that grows with every file (about 17 MB
/// of strings at 100,000 files, 4 MB as bytes).
/// </summary>
public sealed class IngestLedger : IDisposable
{
    /// <summary>Null for <see cref="None"/>, which keeps no hashes at all.</summary>
    private readonly HashSet<Sha256>? _done;
    private readonly StreamWriter? _writer;

    private IngestLedger(HashSet<Sha256>? done, StreamWriter? writer)
    {
        _done = done;
        _writer = writer;
    }

    /// <summary>
    /// A ledger that remembers nothing, not even for the rest of the run: every file is read and the store decides.
    /// It used to keep the run's hashes in memory all the same (about 5 MB live at 100,000 files, and the large arrays
    /// the set outgrew on the way), which made a <c>kg bench run</c> or <c>kg ingest --rescan</c> grow with the corpus.
    /// </summary>
    public static IngestLedger None() => new(null, null);

    public static IngestLedger Open(string path)
    {
        var done = new HashSet<Sha256>();
        if (File.Exists(path))
        {
            // A line that is not a hash (a torn last line after a crash) only means that file is read again.
            foreach (var line in File.ReadLines(path))
                if (Sha256.TryParse(line.Split('\t', 2)[0].Trim(), out var hash)) done.Add(hash);
        }
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new IngestLedger(done, new StreamWriter(stream));
    }

    public bool Contains(string fileHash)
    {
        if (_done is null || !Sha256.TryParse(fileHash, out var hash)) return false;
        lock (_done) return _done.Contains(hash);
    }

    public void Record(IEnumerable<(string Hash, string Path)> files)
    {
        if (_done is null) return;
        lock (_done)
        {
            foreach (var (hash, path) in files)
            {
                if (!Sha256.TryParse(hash, out var parsed))
                    throw new ArgumentException($"not a SHA-256 in hexadecimal: {hash}", nameof(files));
                if (!_done.Add(parsed) || _writer is null) continue;
                _writer.Write(hash);
                _writer.Write('\t');
                _writer.WriteLine(path);
            }
            _writer?.Flush();
        }
    }

    public void Dispose() => _writer?.Dispose();

    private readonly record struct Sha256(ulong First, ulong Second, ulong Third, ulong Fourth)
    {
        public static bool TryParse(string hex, out Sha256 hash)
        {
            Span<byte> bytes = stackalloc byte[32];
            if (hex.Length != 64 || Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            {
                hash = default;
                return false;
            }
            hash = new Sha256(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
                BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]), BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));
            return true;
        }
    }
}
