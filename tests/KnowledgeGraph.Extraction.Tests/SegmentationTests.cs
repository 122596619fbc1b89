using JiebaNet.Segmenter;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Extraction.Recognition;
using KnowledgeGraph.Extraction.Segmentation;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// The tokenizer cuts Chinese with its own word graph over jieba's dictionary and its own run of jieba's HMM; it must
/// cut exactly as jieba.NET's accurate mode with HMM does, with the same user words, on every Chinese run of the corpora.
/// </summary>
public class SegmentationTests
{
    private static readonly Lazy<(WordGraphSegmenter Ours, JiebaSegmenter Jieba)> Segmenters = new(() =>
    {
        var resources = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");
        ConfigManager.ConfigFileBaseDir = resources;
        var dictionary = SegmenterDictionary.Load(Path.Combine(resources, "dict.txt"));
        var jieba = new JiebaSegmenter();
        var lexicon = new Lexicon(new LanguageResources(), OntologySchema.Default);
        foreach (var name in lexicon.Entries.SelectMany(e => e.AllNames).Where(n => n.Length >= 2 && n.Any(JiebaTokenizer.IsHan)))
        {
            dictionary.AddWord(name, JiebaTokenizer.UserWordFrequency, "nz");
            jieba.AddWord(name, JiebaTokenizer.UserWordFrequency, "nz");
        }
        return (new WordGraphSegmenter(dictionary, HiddenMarkovSegmenter.Load(resources)), jieba);
    });

    [Theory]
    [InlineData("tests/corpus")]
    [InlineData("tests/holdout")]
    public void Chinese_runs_of_the_corpus_are_cut_as_jieba_cuts_them(string folder)
    {
        var runs = ArticleReader.EnumerateFiles([Path.Combine(SharedFiles.Repository, folder)])
            .SelectMany(ArticleReader.ReadFile)
            .SelectMany(article => HanRuns(article.Text))
            .ToList();
        Assert.True(runs.Count > 500, $"only {runs.Count} Chinese runs found in {folder}");
        foreach (var run in runs) Assert.Equal(JiebaCut(run), OurCut(run));
    }

    [Theory]
    [InlineData("奥列格·维尔哈文斯基和郑沐阳昨日在北京宣布成立澜渊科技")]
    [InlineData("〇一万物与鿖鿗䶮龑两个生僻字")]
    [InlineData("苏莱曼西蒙尼扬纳德拉")]
    [InlineData("··")]
    [InlineData("的")]
    public void Unknown_names_rare_characters_and_dots_are_cut_as_jieba_cuts_them(string run) =>
        Assert.Equal(JiebaCut(run), OurCut(run));

    private static List<string> JiebaCut(string run) => Segmenters.Value.Jieba.Cut(run, cutAll: false, hmm: true).ToList();

    private static List<string> OurCut(string run)
    {
        var words = new List<(int Start, int End)>();
        Segmenters.Value.Ours.Cut(run, 0, run.Length, words);
        return words.Select(w => run[w.Start..w.End]).ToList();
    }

    private static IEnumerable<string> HanRuns(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!JiebaTokenizer.IsHan(text[i])) continue;
            var end = i + 1;
            while (end < text.Length && JiebaTokenizer.IsHan(text[end])) end++;
            yield return text[i..end];
            i = end;
        }
    }
}
