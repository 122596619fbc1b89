using KnowledgeGraph.Extraction.Relations;

namespace KnowledgeGraph.Extraction.Tests;

public class RequiredWordsTests
{
    [Theory]
    [InlineData("<P\\d+>[^<>]{0,12}?由(?:创立|创办)了?", "P;由;创立|创办")]
    [InlineData("(?:前|原)?(?:联合)?创始人(?:之一)?", "创始人")]
    [InlineData("(?<r>董事长|CEO)兼?任职于", "任职于")]
    [InlineData("(?<![与和])<O\\d+>(?=[，,]|$)", "O")]
    [InlineData("公司{0,2}成立", "公;成立")]
    [InlineData("(?:收购|并购)+", "收购|并购")]
    [InlineData("(?:人才收购|acqui-hire)", "")]
    [InlineData("[收购]\\d+\\u6536\\k<s>", "")]
    [InlineData("收购|并购", "")]
    [InlineData("(?i)openai收购", "")]
    public void Only_words_no_match_can_do_without_are_required(string pattern, string expected)
    {
        var required = RequiredWords.Of(pattern).Select(alternatives => string.Join("|", alternatives));
        Assert.Equal(expected, string.Join(";", required));
    }

    [Fact]
    public void A_text_lacking_a_required_word_after_the_start_cannot_match()
    {
        var required = RequiredWords.Of("<O\\d+>[^<>]{0,12}?领投了?[^<>]{0,12}?<O\\d+>");
        Assert.True(RequiredWords.AllPresent(required, "<O0>领投了<O1>", 0));
        Assert.False(RequiredWords.AllPresent(required, "领投<O0>跟投了<O1>", 2));
    }

    [Theory]
    [InlineData("<O0>并购<O1>，<O2>收购", 12)]
    [InlineData("<O0>并购<O1>，<P2>", 4)]
    [InlineData("<O0>投资<O1>", -1)]
    public void The_latest_start_is_the_last_from_which_every_required_set_still_occurs(string text, int expected)
    {
        var required = RequiredWords.Of("<O\\d+>(?:收购|并购)了?<O\\d+>");
        Assert.Equal(expected, RequiredWords.LatestStart(required, text));
        if (expected < 0) return;
        Assert.True(RequiredWords.AllPresent(required, text, expected));
        Assert.False(RequiredWords.AllPresent(required, text, expected + 1));
    }
}
