using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.Relations;

namespace KnowledgeGraph.Extraction.Tests;

public class PatternWordsTests
{
    private static PatternWords WordsOf(string source, params string[] triggers) =>
        PatternWords.Of([new RelationPattern("ACQUIRED", 0.9, new Dictionary<string, string>(), new Regex(source), source)
        {
            NeededKinds = new HashSet<char> { 'O' },
            Triggers = triggers,
            RequiredWords = RequiredWords.Of(source),
        }]);

    [Theory]
    [InlineData("<O0>并购<O1>，<O2>收购", 12)]
    [InlineData("<O0>并购<O1>，<P2>", 4)]
    public void The_latest_start_is_the_last_from_which_every_required_set_still_occurs(string slotted, int expected)
    {
        var words = WordsOf("<O\\d+>(?:收购|并购)了?<O\\d+>");
        var found = words.NewOccurrences();
        found.Fill("甲并购乙，丙收购", slotted);

        Assert.True(words.Passes(0, found, out var latestStart));
        Assert.Equal(expected, latestStart);
    }

    [Fact]
    public void A_sentence_without_a_required_word_or_without_the_trigger_fails()
    {
        var words = WordsOf("<O\\d+>[^<>]{0,12}?领投了?[^<>]{0,12}?<O\\d+>", "领投");
        var found = words.NewOccurrences();

        found.Fill("甲领投了乙", "<O0>领投了<O1>");
        Assert.True(words.Passes(0, found, out _));
        found.Fill("甲领投乙", "<O0>投资<O1>");
        Assert.False(words.Passes(0, found, out _));
        found.Fill("甲跟投乙", "<O0>领投<O1>");
        Assert.False(words.Passes(0, found, out _));
    }
}
