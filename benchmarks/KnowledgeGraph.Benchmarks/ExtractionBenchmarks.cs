using BenchmarkDotNet.Attributes;
using JiebaNet.Segmenter;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// The whole extraction pipeline against jieba's plain cut of the same text (the floor: segmentation alone),
/// over the annotated test corpus, one article per operation on average.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private ExtractionPipeline _pipeline = null!;
    private JiebaSegmenter _jieba = null!;
    private List<Article> _articles = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new ExtractionPipeline();
        // The same dictionary and HMM files the pipeline reads, without the pipeline's user words.
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");
        _jieba = new JiebaSegmenter();
        _articles = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "corpus"), "*.txt")
            .Order(StringComparer.Ordinal).SelectMany(ArticleReader.ReadFile).ToList();
    }

    [Benchmark(Baseline = true)]
    public int JiebaCut()
    {
        var words = 0;
        foreach (var article in _articles) words += _jieba.Cut(article.Text).Count();
        return words;
    }

    [Benchmark]
    public int ExtractionPipeline()
    {
        var relations = 0;
        foreach (var article in _articles) relations += _pipeline.Extract(article).Relations.Count;
        return relations;
    }
}
