using System.Text.Json;

namespace KnowledgeGraph.Export;

/// <summary>
/// networkx node-link JSON: <c>{"directed", "multigraph", "graph", "nodes", "links"}</c>, read back with
/// <c>networkx.node_link_graph(data, edges="links")</c>. A multigraph, because two entities can be linked by several
/// relation types; each link's <c>key</c> is the relation id.
/// </summary>
public static class NodeLinkJsonWriter
{
    public static async Task WriteAsync(GraphSource source, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteBoolean("directed", true);
        json.WriteBoolean("multigraph", true);
        json.WriteStartObject("graph");
        json.WriteString("name", "knowledgegraph");
        json.WriteEndObject();

        json.WriteStartArray("nodes");
        await foreach (var node in source.NodesAsync(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("id", node.Id);
            json.WriteString("type", node.Type);
            json.WriteString("name", node.Name);
            if (node.ChineseName is not null) json.WriteString("chineseName", node.ChineseName);
            json.WriteStartArray("aliases");
            foreach (var alias in node.Aliases) json.WriteStringValue(alias);
            json.WriteEndArray();
            json.WriteNumber("degree", node.Degree);
            json.WriteEndObject();
            await FlushWhenFullAsync(json, cancellationToken);
        }
        json.WriteEndArray();

        json.WriteStartArray("links");
        await foreach (var edge in source.EdgesAsync(cancellationToken))
        {
            var a = edge.Attributes;
            json.WriteStartObject();
            json.WriteString("source", edge.SubjectId);
            json.WriteString("target", edge.ObjectId);
            json.WriteString("key", edge.Id);
            json.WriteString("type", edge.Type);
            json.WriteNumber("confidence", edge.Confidence);
            WriteIfPresent(json, "role", a.Role);
            if (a.Amount is { } amount) json.WriteNumber("amount", amount);
            WriteIfPresent(json, "currency", a.Currency);
            WriteIfPresent(json, "round", a.Round);
            if (a.Lead is { } lead) json.WriteBoolean("lead", lead);
            WriteIfPresent(json, "date", a.Date);
            WriteIfPresent(json, "product", a.Product);
            WriteIfPresent(json, "firstDate", edge.FirstDate);
            WriteIfPresent(json, "lastDate", edge.LastDate);
            json.WriteNumber("evidenceCount", edge.EvidenceCount);
            json.WriteEndObject();
            await FlushWhenFullAsync(json, cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    private static async Task FlushWhenFullAsync(Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        if (json.BytesPending > 32 * 1024) await json.FlushAsync(cancellationToken);
    }
}
