using System.Text;
using System.Xml;

namespace KnowledgeGraph.Export;

/// <summary>GraphML (http://graphml.graphdrawing.org/) with typed keys; readable by networkx, Gephi, yEd and Cytoscape.</summary>
public static class GraphMlWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private static readonly HashSet<string> NumericEdgeKeys = ["confidence", "amount"];

    public static async Task WriteAsync(GraphSource source, Stream output, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "graphml", Namespace);
        foreach (var name in GraphColumns.Node.Skip(1))
            await WriteKeyAsync(xml, "n_" + name, "node", name, name == "degree" ? "int" : "string");
        foreach (var name in GraphColumns.Edge.Skip(3))
            await WriteKeyAsync(xml, "e_" + name, "edge", name, name == "evidenceCount" ? "int" : NumericEdgeKeys.Contains(name) ? "double" : "string");
        await xml.WriteStartElementAsync(null, "graph", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, "knowledgegraph");
        await xml.WriteAttributeStringAsync(null, "edgedefault", null, "directed");

        var written = 0;
        await foreach (var node in source.NodesAsync(cancellationToken))
        {
            var values = GraphColumns.NodeValues(node);
            await xml.WriteStartElementAsync(null, "node", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, node.Id);
            for (var i = 1; i < values.Length; i++) await WriteDataAsync(xml, "n_" + GraphColumns.Node[i], values[i]);
            await xml.WriteEndElementAsync();
            if (++written % 1000 == 0) await xml.FlushAsync();
        }
        await foreach (var edge in source.EdgesAsync(cancellationToken))
        {
            var values = GraphColumns.EdgeValues(edge);
            await xml.WriteStartElementAsync(null, "edge", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, edge.Id);
            await xml.WriteAttributeStringAsync(null, "source", null, edge.SubjectId);
            await xml.WriteAttributeStringAsync(null, "target", null, edge.ObjectId);
            for (var i = 3; i < values.Length; i++) await WriteDataAsync(xml, "e_" + GraphColumns.Edge[i], values[i]);
            await xml.WriteEndElementAsync();
            if (++written % 1000 == 0) await xml.FlushAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task WriteKeyAsync(XmlWriter xml, string id, string scope, string name, string type)
    {
        await xml.WriteStartElementAsync(null, "key", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, id);
        await xml.WriteAttributeStringAsync(null, "for", null, scope);
        await xml.WriteAttributeStringAsync(null, "attr.name", null, name);
        await xml.WriteAttributeStringAsync(null, "attr.type", null, type);
        await xml.WriteEndElementAsync();
    }

    private static async Task WriteDataAsync(XmlWriter xml, string key, string? value)
    {
        if (value is null) return;
        await xml.WriteStartElementAsync(null, "data", Namespace);
        await xml.WriteAttributeStringAsync(null, "key", null, key);
        await xml.WriteStringAsync(value);
        await xml.WriteEndElementAsync();
    }
}
