using System.IO.Compression;
using System.Text;

namespace KnowledgeGraph.Export;

/// <summary>A zip of nodes.csv and edges.csv (RFC 4180, UTF-8 without BOM, header row), written entry by entry.</summary>
public static class CsvZipWriter
{
    public static async Task WriteAsync(GraphSource source, Stream output, CancellationToken cancellationToken)
    {
        await using var buffer = new DrainableBuffer(output);
        await using (var zip = await ZipArchive.CreateAsync(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken))
        {
            await WriteEntryAsync(zip, buffer, "nodes.csv", GraphColumns.Node, Rows(source.NodesAsync(cancellationToken), GraphColumns.NodeValues), cancellationToken);
            await WriteEntryAsync(zip, buffer, "edges.csv", GraphColumns.Edge, Rows(source.EdgesAsync(cancellationToken), GraphColumns.EdgeValues), cancellationToken);
        }
        await buffer.DrainAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<string?[]> Rows<T>(IAsyncEnumerable<T> items, Func<T, string?[]> values)
    {
        await foreach (var item in items) yield return values(item);
    }

    private static async Task WriteEntryAsync(ZipArchive zip, DrainableBuffer buffer, string name, string[] header,
        IAsyncEnumerable<string?[]> rows, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using (var stream = await entry.OpenAsync(cancellationToken))
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024))
        {
            await writer.WriteAsync(Line(header));
            var written = 0;
            await foreach (var row in rows)
            {
                await writer.WriteAsync(Line(row));
                if (++written % 1000 != 0) continue;
                await writer.FlushAsync(cancellationToken);
                await buffer.DrainAsync(cancellationToken);
            }
        }
        await buffer.DrainAsync(cancellationToken);
    }

    private static string Line(string?[] values)
    {
        var line = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) line.Append(',');
            line.Append(Field(values[i]));
        }
        return line.Append("\r\n").ToString();
    }

    private static string Field(string? value)
    {
        if (value is null) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
