using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Export;

/// <summary>Writes the filtered graph to a stream in one format; the CLI and the HTTP endpoints both come here.</summary>
public static class GraphExporter
{
    public static Task WriteAsync(IGraphStore store, ExportFilter filter, ExportFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        var source = new GraphSource(store, filter);
        return format switch
        {
            ExportFormat.GraphMl => GraphMlWriter.WriteAsync(source, output, cancellationToken),
            ExportFormat.Csv => CsvZipWriter.WriteAsync(source, output, cancellationToken),
            _ => NodeLinkJsonWriter.WriteAsync(source, output, cancellationToken),
        };
    }
}
