using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Output;

/// <summary>The ontology's JSON Lines format: one object per article, Chinese written as is.</summary>
public static class ExtractionJson
{
    private static readonly JsonSerializerOptions Compact = Options(indented: false);
    private static readonly JsonSerializerOptions Indented = Options(indented: true);

    public static string Serialize(ExtractionResult result, bool indented = false) =>
        JsonSerializer.Serialize(ToOutput(result), indented ? Indented : Compact);

    /// <summary>One line on <paramref name="stream"/>, written as it is serialised: a long article's line is tens of megabytes.</summary>
    public static void WriteLine(Stream stream, ExtractionResult result, bool indented = false)
    {
        JsonSerializer.Serialize(stream, ToOutput(result), indented ? Indented : Compact);
        stream.WriteByte((byte)'\n');
    }

    private static JsonSerializerOptions Options(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static object ToOutput(ExtractionResult result) => new
    {
        source = result.Article.Source,
        publishedAt = result.Article.PublishedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        title = result.Article.Title,
        url = result.Article.Url,
        contentHash = result.Article.ContentHash,
        entities = result.Entities.Select(e => new
        {
            id = e.Id,
            type = e.Type,
            name = e.Name,
            chineseName = e.ChineseName,
            aliases = e.Aliases,
            mentions = e.Mentions,
        }),
        relations = result.Relations.Select(r => new
        {
            type = r.Type,
            subject = r.Subject,
            @object = r.Object,
            confidence = r.Confidence,
            evidence = r.Evidence,
            attributes = r.Attributes,
        }),
        deals = result.Deals,
    };
}
