using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Api.Ingestion;

public sealed record IngestedArticle(IngestOutcome Outcome, ExtractionResult Extraction);

/// <summary>Extracts articles and stores what was found: the one way text enters the graph from the service.</summary>
public sealed class ArticleIngestor(
    ExtractorLoader extractors, ExtractionWorkers workers, IGraphStore store, ILogger<ArticleIngestor> logger)
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

    /// <summary>Off the thread pool and nicer than the request threads: see <see cref="ExtractionWorkers"/>.</summary>
    private async Task<List<ExtractionResult>> ExtractOffThePoolAsync(IArticleExtractor extractor, IReadOnlyList<Article> articles,
        CancellationToken cancellationToken)
    {
        try
        {
            return await workers.RunAsync(() => ExtractAll(extractor, articles, cancellationToken)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        // The extractor's pattern timeouts are wall-clock time, and a nicer thread on a busy machine can be kept off the
        // CPU past them (a test saw it at load average 70). Such a timeout says nothing about the article, so the batch
        // gets one more try at the request's own priority.
        catch (ExtractionFailedException failure) when (failure.InnerException is RegexMatchTimeoutException)
        {
            logger.LogWarning("Extraction timed out on a low-priority thread; retrying at normal priority: {Reason}", failure.Message);
            return await Task.Run(() => ExtractAll(extractor, articles, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<ExtractionResult> ExtractAll(IArticleExtractor extractor, IReadOnlyList<Article> articles,
        CancellationToken cancellationToken) =>
        articles.Select(article =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Extract(extractor, article);
        }).ToList();

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
