using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.Relations;

namespace KnowledgeGraph.Extraction.Tests;

public class PatternWordsTests
{
    private static PatternWords WordsOf(string source, params string[] triggers) => PatternWords.Of([PatternOf(source, triggers)]);

    private static RelationPattern PatternOf(string source, params string[] triggers) =>
        new("ACQUIRED", 0.9, new Dictionary<string, string>(), new Regex(source), source)
        {
            NeededKinds = new HashSet<char> { 'O' },
            Triggers = triggers,
            RequiredWords = RequiredWords.Of(source),
        };

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

    [Fact]
    public void The_candidates_are_the_patterns_without_a_trigger_and_those_whose_trigger_the_sentence_holds_in_their_order()
    {
        var words = PatternWords.Of(Enumerable.Range(0, 70).Select(i => i switch
        {
            3 => PatternOf("<O\\d+>收购<O\\d+>", "收购", "并购"),
            40 => PatternOf("<O\\d+>领投<O\\d+>", "领投"),
            65 => PatternOf("<O\\d+>[^<>]*<O\\d+>"),
            _ => PatternOf("<O\\d+>出售<O\\d+>", $"出售{i}"),
        }).ToList());
        var found = words.NewOccurrences();

        found.Fill("甲领投乙后并购了丙", "<O0>领投<O1>后并购了<O2>");
        List<int> candidates = [];
        for (var pattern = found.NextCandidate(-1); pattern >= 0; pattern = found.NextCandidate(pattern)) candidates.Add(pattern);

        Assert.Equal([3, 40, 65], candidates);
    }
}
