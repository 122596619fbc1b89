using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Api.Ingestion;

public sealed record IngestedArticle(IngestOutcome Outcome, ExtractionResult Extraction);

/// <summary>Extracts articles and stores what was found: the one way text enters the graph from the service.</summary>
public sealed class ArticleIngestor(ExtractorLoader extractors, IGraphStore store, ILogger<ArticleIngestor> logger)
{
    public async Task<IReadOnlyList<IngestedArticle>> IngestAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var extractor = await extractors.GetAsync(cancellationToken).ConfigureAwait(false);
        var extractions = await ExtractOffThePoolAsync(extractor, articles, cancellationToken).ConfigureAwait(false);
        var outcomes = await store.IngestAsync(extractions, cancellationToken).ConfigureAwait(false);
        if (outcomes.Count != extractions.Count)
            throw new InvalidOperationException($"The store answered {outcomes.Count} outcomes for {extractions.Count} articles.");
        foreach (var outcome in outcomes)
            logger.LogInformation("Ingested article {ArticleId}: {Status}, {Entities} entities, {Relations} relations",
                outcome.ArticleId, outcome.Status, outcome.Entities, outcome.Relations);
        return outcomes.Zip(extractions, (outcome, extraction) => new IngestedArticle(outcome, extraction)).ToList();
    }

    /// <summary>
    /// Extraction is CPU work of up to seconds per article under load. On a thread-pool thread it holds one of the
    /// threads that also answer queries and refusals, and the pool grows to make up for it (by 7 threads in a
    /// 3-minute load run on 2 cores, not at all with this; docs/benchmarks.md, session 5). A thread of its own per
    /// call leaves the pool to the short requests.
    /// </summary>
    private static Task<List<ExtractionResult>> ExtractOffThePoolAsync(IArticleExtractor extractor, IReadOnlyList<Article> articles,
        CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => articles.Select(article => Extract(extractor, article)).ToList(),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static ExtractionResult Extract(IArticleExtractor extractor, Article article)
    {
        try
        {
            return extractor.Extract(article);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new ExtractionFailedException(article, error);
        }
    }
}

public sealed class ExtractionFailedException(Article article, Exception inner)
    : Exception($"Extraction failed for article '{article.Title ?? article.Source}': {inner.Message}", inner);
