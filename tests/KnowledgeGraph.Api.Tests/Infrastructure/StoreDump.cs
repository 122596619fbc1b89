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
        return await TakeAsync(http);
    }

    /// <summary>The dump of a service reached over <paramref name="http"/>, in the test host or a process of its own.</summary>
    public static async Task<string> TakeAsync(HttpClient http)
    {
        var export = JsonDocument.Parse(await http.GetStringAsync("/export/json")).RootElement;
        var nodes = export.GetProperty("nodes").EnumerateArray().Select(n => n.GetRawText()).Order(StringComparer.Ordinal);
        var links = export.GetProperty("links").EnumerateArray().Select(l => l.GetRawText()).Order(StringComparer.Ordinal);
        var counts = (await new GraphQLClient(http).QueryAsync("{ stats { articles deals } }")).Ok().GetRawText();
        return string.Join('\n', [counts, .. nodes, .. links]);
    }
}
