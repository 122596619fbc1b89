using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using KnowledgeGraph.Api.Tests.Infrastructure;
using KnowledgeGraph.Graph;
using static KnowledgeGraph.Api.Tests.Infrastructure.AiIndustryGraph;

namespace KnowledgeGraph.Api.Tests;

/// <summary>/export/graphml, /export/csv and /export/json over the AI-industry graph, each answer parsed as its format.</summary>
public sealed class ExportTests(SqliteSeededApi api) : IClassFixture<SqliteSeededApi>
{
    private static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string path)
    {
        var response = await api.Factory.CreateClient().GetAsync(path);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<(HashSet<string> Entities, HashSet<string> Relations)> StoredAsync()
    {
        var entities = await api.Factory.Store.SearchEntitiesAsync(new EntitySearch(), new PageRequest(500));
        var relations = await api.Factory.Store.FindRelationsAsync(new RelationFilter(), new PageRequest(500));
        Assert.False(entities.HasNextPage || relations.HasNextPage);
        return (entities.Items.Select(i => i.Node.Id).ToHashSet(), relations.Items.Select(i => $"{i.Node.SubjectId} {i.Node.Type} {i.Node.ObjectId}").ToHashSet());
    }

    [Fact]
    public async Task GraphML_holds_every_entity_and_relation_with_typed_attributes()
    {
        var (response, body) = await GetAsync("/export/graphml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphml+xml", response.Content.Headers.ContentType?.MediaType);

        var document = XDocument.Load(new MemoryStream(body));
        var keys = document.Root!.Elements(GraphMl + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("attr.name")!);
        var graph = document.Root.Element(GraphMl + "graph")!;
        var nodes = graph.Elements(GraphMl + "node").ToList();
        var edges = graph.Elements(GraphMl + "edge").ToList();
        string? Data(XElement element, string name) =>
            element.Elements(GraphMl + "data").SingleOrDefault(d => keys[(string)d.Attribute("key")!] == name)?.Value;

        var (entities, relations) = await StoredAsync();
        Assert.Equal(entities, nodes.Select(n => (string)n.Attribute("id")!).ToHashSet());
        Assert.Equal(relations, edges.Select(e => $"{e.Attribute("source")!.Value} {Data(e, "type")} {e.Attribute("target")!.Value}").ToHashSet());
        var microsoft = nodes.Single(n => (string)n.Attribute("id")! == MicrosoftId);
        Assert.Equal("微软", Data(microsoft, "chineseName"));
        var investment = edges.Single(e => (string)e.Attribute("source")! == MicrosoftId && (string)e.Attribute("target")! == OpenAi && Data(e, "type") == "INVESTED_IN");
        Assert.Equal(10_000_000_000m, decimal.Parse(Data(investment, "amount")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("USD", Data(investment, "currency"));
    }

    [Fact]
    public async Task Csv_is_a_zip_of_nodes_and_edges_with_headers_and_quoted_fields()
    {
        var (response, body) = await GetAsync("/export/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);

        using var zip = new ZipArchive(new MemoryStream(body));
        Assert.Equal(["edges.csv", "nodes.csv"], zip.Entries.Select(e => e.FullName).Order());
        var nodes = Csv.Read(zip.GetEntry("nodes.csv")!);
        var edges = Csv.Read(zip.GetEntry("edges.csv")!);
        Assert.Equal(["id", "type", "name", "chineseName", "aliases", "degree"], nodes[0]);
        Assert.Equal("source", edges[0][1]);

        var (entities, relations) = await StoredAsync();
        Assert.Equal(entities, nodes.Skip(1).Select(r => r[0]).ToHashSet());
        Assert.Equal(relations, edges.Skip(1).Select(r => $"{r[1]} {r[3]} {r[2]}").ToHashSet());
        var a16z = nodes.Single(r => r[0] == A16z);
        Assert.Contains("a16z", a16z[4].Split('|'));
    }

    [Fact]
    public async Task Json_is_networkx_node_link_data()
    {
        var (response, body) = await GetAsync("/export/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var root = JsonDocument.Parse(body).RootElement;
        Assert.True(root.GetProperty("directed").GetBoolean());
        Assert.True(root.GetProperty("multigraph").GetBoolean());
        var (entities, relations) = await StoredAsync();
        Assert.Equal(entities, root.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToHashSet());
        var links = root.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(relations, links.Select(l => $"{l.GetProperty("source").GetString()} {l.GetProperty("type").GetString()} {l.GetProperty("target").GetString()}").ToHashSet());
        Assert.All(links, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("key").GetString())));
    }

    [Fact]
    public async Task A_neighbourhood_filtered_by_type_keeps_only_those_nodes_and_the_edges_between_them()
    {
        var (response, body) = await GetAsync($"/export/json?entity={Mistral}&depth=1&types=Organization");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var root = JsonDocument.Parse(body).RootElement;
        var nodes = root.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(new HashSet<string> { Mistral, A16z, Lightspeed, Nvidia, MicrosoftId }, nodes);
        Assert.All(root.GetProperty("links").EnumerateArray(), l =>
        {
            Assert.Contains(l.GetProperty("source").GetString()!, nodes);
            Assert.Contains(l.GetProperty("target").GetString()!, nodes);
        });
    }

    [Fact]
    public async Task A_date_range_and_relation_types_keep_only_matching_edges()
    {
        var (_, body) = await GetAsync("/export/json?relationTypes=INVESTED_IN&from=2024-01-01&to=2024-12-31");

        var links = JsonDocument.Parse(body).RootElement.GetProperty("links").EnumerateArray().ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Equal("INVESTED_IN", l.GetProperty("type").GetString()));
        Assert.Contains(links, l => l.GetProperty("source").GetString() == MicrosoftId && l.GetProperty("target").GetString() == Mistral);
        Assert.DoesNotContain(links, l => l.GetProperty("target").GetString() == OpenAi);
    }

    [Theory]
    [InlineData("/export/xlsx", "xlsx")]
    [InlineData("/export/json?types=Spaceship", "Spaceship")]
    [InlineData("/export/json?entity=org:openai&depth=9", "depth")]
    [InlineData("/export/graphml?entity=org:nobody", "org:nobody")]
    public async Task Bad_requests_are_refused_with_the_problem_named(string path, string named)
    {
        var (response, body) = await GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{response.StatusCode}");
        Assert.Contains(named, System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    /// <summary>An RFC 4180 reader: quoted fields, doubled quotes, CRLF rows.</summary>
    private static class Csv
    {
        public static List<string[]> Read(ZipArchiveEntry entry)
        {
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
                else if (c == '\r') { }
                else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row.ToArray()); row.Clear(); }
                else field.Append(c);
            }
            return rows;
        }
    }
}
