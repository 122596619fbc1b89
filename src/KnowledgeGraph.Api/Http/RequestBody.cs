using System.Buffers;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// A request body's bytes in one array from the shared pool, returned when disposed. The body stays bytes so that a
/// hostile query can be refused before it becomes a string or a JSON tree (docs/benchmarks.md, session 6).
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private const int FirstChunk = 16 * 1024;

    private byte[] _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<RequestBody?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return null;
        // One byte more than a declared length, so the read that finds the end needs no second array.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, (request.ContentLength ?? FirstChunk) + 1));
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > limit)
                    return null;
                if (length == buffer.Length)
                    buffer = Grown(buffer, length, limit);
            }
            var body = new RequestBody(buffer, length);
            buffer = [];
            return body;
        }
        finally
        {
            if (buffer.Length > 0)
                ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grown(byte[] full, int length, long limit)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, 2L * full.Length));
        full.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
