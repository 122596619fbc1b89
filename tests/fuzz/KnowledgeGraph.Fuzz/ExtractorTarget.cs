using System.Text;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Output;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Fuzz;

/// <summary>
/// Text through the whole pipeline. Besides not throwing, the output must hold together: every span's code-point
/// offsets cut exactly its text out of the article, and relations and deals name only entities of the result.
/// </summary>
public sealed class ExtractorTarget : IFuzzTarget
{
    private static readonly DateTime PublishedAt = new(2025, 3, 14, 0, 0, 0, DateTimeKind.Utc);
    private readonly ExtractionPipeline _pipeline = new();

    public ExtractorTarget() => WarmUp(_pipeline);

    /// <summary>One extraction, so that dictionaries loaded lazily and first-call compilation are paid before fuzzing.</summary>
    public static void WarmUp(IArticleExtractor extractor) =>
        extractor.Extract(new Article("warm-up.txt", "微软宣布向OpenAI投资10亿美元。", null, PublishedAt, null));

    public void Run(byte[] input)
    {
        // Lenient decoding on purpose: lone surrogates and stray bytes become U+FFFD, as after a sloppy upstream.
        var text = Encoding.UTF8.GetString(input);
        var result = _pipeline.Extract(new Article("fuzz.txt", text, null, PublishedAt, null));
        ExtractionJson.Serialize(result);
        Check(result, text);
    }

    private static void Check(ExtractionResult result, string text)
    {
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var ids = result.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in result.Entities)
        {
            if (string.IsNullOrWhiteSpace(entity.Name))
                throw new InvariantBrokenException($"entity {entity.Id} has no name");
            foreach (var mention in entity.Mentions)
                CheckSpan(mention, codePoints, $"mention of {entity.Id}");
        }
        foreach (var relation in result.Relations)
        {
            if (!ids.Contains(relation.Subject) || !ids.Contains(relation.Object))
                throw new InvariantBrokenException($"{relation.Type} names an entity missing from the result");
            if (relation.Confidence is < 0 or > 1 || double.IsNaN(relation.Confidence))
                throw new InvariantBrokenException($"{relation.Type} has confidence {relation.Confidence}");
            CheckSpan(relation.Evidence, codePoints, $"evidence of {relation.Type}");
        }
        foreach (var deal in result.Deals)
        {
            if (deal.Parties.Any(p => !ids.Contains(p.EntityId)))
                throw new InvariantBrokenException($"a {deal.Kind} deal names an entity missing from the result");
            CheckSpan(deal.Evidence, codePoints, $"evidence of a {deal.Kind} deal");
        }
    }

    private static void CheckSpan(TextSpan span, string[] codePoints, string what)
    {
        if (span.Start < 0 || span.End < span.Start || span.End > codePoints.Length)
            throw new InvariantBrokenException($"{what}: span {span.Start}..{span.End} outside a text of {codePoints.Length} code points");
        var cut = string.Concat(codePoints[span.Start..span.End]);
        if (cut != span.Text)
            throw new InvariantBrokenException($"{what}: span {span.Start}..{span.End} is '{cut}', not '{span.Text}'");
    }
}
