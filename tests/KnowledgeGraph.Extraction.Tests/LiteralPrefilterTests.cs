using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Tests;

public class LiteralPrefilterTests
{
    [Theory]
    [InlineData("该公司", "该公司")]
    [InlineData("这家(?:AI|人工智能)?初创(?:公司|企业)", "这家;初创;公司|企业")]
    [InlineData("(?<=离开|退出)公司", "离开|退出;公司")]
    [InlineData("(?<!其|吉)他(?!们|人)", "他")]
    [InlineData("(?<=^|[，,])(?=由[^，,。；]{1,40}?(?:创立|创办))", "由;创立|创办")]
    [InlineData("(?:这)?两人|二人|二者", "两人|二人|二者")]
    [InlineData("(?:这)?两人|[二两]人", "两人|人")]
    [InlineData("(?:这)?两人|[二两]", "")]
    [InlineData("ab+c", "ab;c")]
    [InlineData("ab{0,3}c", "a;c")]
    [InlineData("ab{2}c", "ab;c")]
    [InlineData("a\\.b\\d\\u4E00c", "a.b;c")]
    [InlineData("(?<name>收购)[]收]并购\\k<name>", "收购;并购")]
    [InlineData("[a-z-[aeiou]]领投", "领投")]
    [InlineData("(?i)openai", "")]
    [InlineData("(?:收购|并购", "")]
    public void Required_sets_are_words_no_match_can_do_without(string pattern, string expected)
    {
        var sets = LiteralPrefilter.Of(pattern).RequiredSets.Select(set => string.Join("|", set));
        Assert.Equal(expected, string.Join(";", sets));
    }

    [Fact]
    public void A_case_insensitive_expression_lets_every_text_through()
    {
        Assert.True(LiteralPrefilter.Of("OpenAI", RegexOptions.IgnoreCase).MayMatch("openai"));
        Assert.False(LiteralPrefilter.Of("OpenAI").MayMatch("openai"));
    }

    /// <summary>The filter may only skip what the expression would not have matched: checked on real sentences.</summary>
    [Fact]
    public void No_anaphor_or_furniture_line_of_the_corpus_that_matches_is_filtered_out()
    {
        var resources = new LanguageResources();
        var titles = string.Join("|", new Recognition.RecognitionData(resources).Titles.Select(Regex.Escape));
        var patterns = resources.Rows("resolution/anaphora.tsv", 2).Select(r => r[0].Trim().Replace("@TITLES@", titles))
            .Concat(resources.Lines("normalisation/page-furniture.txt").Select(l => l.Trim()))
            .ToList();
        var sentences = CorpusSentences().ToList();
        var matched = 0;
        var skipped = 0;
        foreach (var pattern in patterns)
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant);
            var prefilter = LiteralPrefilter.Of(pattern);
            foreach (var sentence in sentences)
            {
                var mayMatch = prefilter.MayMatch(sentence);
                if (regex.IsMatch(sentence))
                {
                    matched++;
                    Assert.True(mayMatch, $"'{pattern}' matches '{sentence}' but its prefilter skipped it");
                }
                else if (!mayMatch)
                {
                    skipped++;
                }
            }
        }
        Assert.True(matched > 100, $"only {matched} matches: the check saw too little");
        Assert.True(skipped > matched, $"the prefilter skipped only {skipped} sentences");
    }

    private static IEnumerable<string> CorpusSentences() =>
        new[] { "tests/corpus", "tests/holdout" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(SharedFiles.Repository, folder), "*.txt"))
            .SelectMany(File.ReadLines)
            .SelectMany(line => line.Split('。', '！', '？'))
            .Where(sentence => sentence.Length > 0);
}
