using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// Rows for one set-based statement, as one array of arrays in SQLite's own binary JSON (JSONB, documented in SQLite's
/// doc/jsonb.md), bound as a blob and read in SQL with <c>jsonb_each(@rows)</c> and <c>value -&gt;&gt; n</c>: one round
/// trip per table instead of one per row, and still a single parameter, never text spliced into SQL.
/// Why JSONB rather than JSON text: text had to be built as UTF-8, turned into a .NET string, turned back into UTF-8 on
/// binding, and then parsed by SQLite into this very form; a blob is read as it is. Strings are written as JSONB's raw
/// text (its payload is the string's UTF-8, with nothing escaped), numbers as their invariant text, as JSONB stores them.
/// </summary>
internal sealed class JsonRows
{
    private const byte NullElement = 0x0;
    private const byte IntElement = 0x3;
    private const byte FloatElement = 0x5;
    private const byte RawTextElement = 0xA;
    private const byte ArrayElement = 0xB;

    /// <summary>An array's header is written before its size is known, so it takes the four-byte size form (allowed by the format).</summary>
    private const int ArrayHeaderBytes = 5;

    private readonly int _chunkBytes;
    private readonly List<byte[]> _chunks = [];
    private byte[] _buffer = [];
    private int _length;
    private int _rowStart = -1;
    private bool _sealed;

    /// <summary>Rows handed over as one blob (<see cref="ToBlob"/>).</summary>
    public JsonRows()
    {
    }

    private JsonRows(int chunkBytes) => _chunkBytes = chunkBytes;

    /// <summary>
    /// Rows handed over as several blobs of about <paramref name="chunkBytes"/> each (<see cref="ToBlobs"/>), for a
    /// statement that can take them one at a time, such as copying them into the staging table. Why: a batch's rows for
    /// one table are megabytes, and as one blob each its working buffer, its copy and SQLite's own copy of the bound
    /// value are large objects that live until the collection after the batch, so the process's peak grew with the
    /// batch's rows; chunks small enough for the collector's young generation are reclaimed while the batch is written.
    /// </summary>
    public static JsonRows InChunks(int chunkBytes) =>
        chunkBytes >= 1 ? new JsonRows(chunkBytes) : throw new ArgumentOutOfRangeException(nameof(chunkBytes), chunkBytes, "must be at least 1");

    public int Count { get; private set; }

    public JsonRows Row()
    {
        if (_sealed) throw new InvalidOperationException("the rows were already handed to SQLite");
        if (_chunkBytes > 0 && _length >= _chunkBytes) SealChunk();
        if (_length == 0) ReserveArrayHeader();
        if (_rowStart >= 0) CloseArray(_rowStart);
        _rowStart = ReserveArrayHeader();
        Count++;
        return this;
    }

    public JsonRows Add(string? value)
    {
        if (value is null) return AddNull();
        // The header's size field is chosen from the largest UTF-8 length the string can have, then filled in exactly.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        var sizeBytes = maxBytes <= 0xFF ? 1 : maxBytes <= 0xFFFF ? 2 : 4;
        var element = Take(1 + sizeBytes + maxBytes);
        var written = Encoding.UTF8.GetBytes(value, element[(1 + sizeBytes)..]);
        WriteHeader(element, RawTextElement, written, sizeBytes);
        _length -= maxBytes - written;
        return this;
    }

    public JsonRows Add(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var length);
        return AddNumber(IntElement, digits[..length]);
    }

    public JsonRows Add(double? value)
    {
        if (value is not { } number) return AddNull();
        if (!double.IsFinite(number)) throw new ArgumentOutOfRangeException(nameof(value), number, "JSON has no such number");
        // Shortest text that reads back as the same double ("0.85", "1E+20"): the JSON number grammar allows both.
        Span<byte> text = stackalloc byte[32];
        number.TryFormat(text, out var length, "R", System.Globalization.CultureInfo.InvariantCulture);
        return AddNumber(FloatElement, text[..length]);
    }

    /// <summary>The rows as one JSONB blob, exactly as long as its outer array; adding rows afterwards is an error.</summary>
    public byte[] ToBlob()
    {
        var blobs = ToBlobs();
        return blobs.Count == 1 ? blobs[0] : throw new InvalidOperationException("the rows were written in chunks: hand them over with ToBlobs");
    }

    /// <summary>
    /// The rows as JSONB blobs, in order, each an array of whole rows (one blob unless made <see cref="InChunks"/>; an
    /// empty array when there are no rows); adding rows afterwards is an error.
    /// </summary>
    public IReadOnlyList<byte[]> ToBlobs()
    {
        if (_sealed) return _chunks;
        if (_length > 0 || _chunks.Count == 0) SealChunk();
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _sealed = true;
        return _chunks;
    }

    /// <summary>Closes the rows written since the last chunk into one blob and starts the next chunk in the same buffer.</summary>
    private void SealChunk()
    {
        if (_length == 0) ReserveArrayHeader();
        if (_rowStart >= 0) CloseArray(_rowStart);
        CloseArray(0);
        _chunks.Add(_buffer.AsSpan(0, _length).ToArray());
        _length = 0;
        _rowStart = -1;
    }

    private JsonRows AddNull()
    {
        Take(1)[0] = NullElement;
        return this;
    }

    private JsonRows AddNumber(byte type, ReadOnlySpan<byte> text)
    {
        var sizeBytes = text.Length <= 11 ? 0 : 1;
        var element = Take(1 + sizeBytes + text.Length);
        WriteHeader(element, type, text.Length, sizeBytes);
        text.CopyTo(element[(1 + sizeBytes)..]);
        return this;
    }

    private int ReserveArrayHeader()
    {
        var start = _length;
        Take(ArrayHeaderBytes);
        return start;
    }

    private void CloseArray(int start) =>
        WriteHeader(_buffer.AsSpan(start, ArrayHeaderBytes), ArrayElement, _length - start - ArrayHeaderBytes, 4);

    /// <summary>
    /// The low four bits give the type; the high four give the payload size when it is at most 11, or say that the size
    /// follows big-endian in 1, 2 or 4 bytes (12, 13, 14).
    /// </summary>
    private static void WriteHeader(Span<byte> element, byte type, int payloadBytes, int sizeBytes)
    {
        switch (sizeBytes)
        {
            case 0:
                element[0] = (byte)(payloadBytes << 4 | type);
                break;
            case 1:
                element[0] = (byte)(0xC0 | type);
                element[1] = (byte)payloadBytes;
                break;
            case 2:
                element[0] = (byte)(0xD0 | type);
                BinaryPrimitives.WriteUInt16BigEndian(element[1..], (ushort)payloadBytes);
                break;
            default:
                element[0] = (byte)(0xE0 | type);
                BinaryPrimitives.WriteUInt32BigEndian(element[1..], (uint)payloadBytes);
                break;
        }
    }

    /// <summary>
    /// The next <paramref name="bytes"/> bytes of the blob. The working buffer comes from the shared pool and goes back
    /// to it when it grows, so a batch's rows do not leave a trail of ever larger arrays for the collector.
    /// </summary>
    private Span<byte> Take(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + bytes, Math.Max(4096, _buffer.Length * 2)));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var taken = _buffer.AsSpan(_length, bytes);
        _length += bytes;
        return taken;
    }
}
