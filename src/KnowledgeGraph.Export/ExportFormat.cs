namespace KnowledgeGraph.Export;

public enum ExportFormat { GraphMl, Csv, Json }

public static class ExportFormats
{
    public static ExportFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "graphml" => ExportFormat.GraphMl,
        "csv" => ExportFormat.Csv,
        "json" => ExportFormat.Json,
        _ => throw new ArgumentException($"export format '{name}' is unknown; choose graphml, csv or json"),
    };

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.GraphMl => "application/graphml+xml",
        ExportFormat.Csv => "application/zip",
        _ => "application/json",
    };

    public static string FileName(ExportFormat format) => format switch
    {
        ExportFormat.GraphMl => "knowledgegraph.graphml",
        ExportFormat.Csv => "knowledgegraph-csv.zip",
        _ => "knowledgegraph.json",
    };
}
