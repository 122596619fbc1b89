using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeGraph.Extraction.Evaluation;

public sealed record GoldEntity(string Name, string Type, IReadOnlyList<string>? Aliases, bool Optional);

public sealed record GoldRelation(string Type, string Subject, string Object, bool Optional);

/// <summary>An annotation file, <c>NAME.gold.json</c>: what a careful reader finds in the article.</summary>
public sealed record GoldArticle(IReadOnlyList<GoldEntity> Entities, IReadOnlyList<GoldRelation> Relations)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public static GoldArticle Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<GoldArticle>(File.ReadAllText(path), Options)
                   ?? throw new InvalidDataException($"{path}: empty gold file");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: malformed gold file: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the gold file: {e.Message}");
        }
    }
}
