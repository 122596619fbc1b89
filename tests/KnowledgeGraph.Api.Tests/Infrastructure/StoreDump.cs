using System.Text.Json;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>
/// Everything the store holds, as the API exports it (every node and edge with its attributes) plus the counts of
/// articles and deals, which the export does not show. Two equal dumps mean nothing was added, lost or changed.
/// </summary>
public static class StoreDump
{
    public static async Task<string> TakeAsync(ApiFactory factory)
    {
        using var http = factory.CreateClient();
        var export = JsonDocument.Parse(await http.GetStringAsync("/export/json")).RootElement;
        var nodes = export.GetProperty("nodes").EnumerateArray().Select(n => n.GetRawText()).Order(StringComparer.Ordinal);
        var links = export.GetProperty("links").EnumerateArray().Select(l => l.GetRawText()).Order(StringComparer.Ordinal);
        var counts = (await factory.Client().QueryAsync("{ stats { articles deals } }")).Ok().GetRawText();
        return string.Join('\n', [counts, .. nodes, .. links]);
    }
}
