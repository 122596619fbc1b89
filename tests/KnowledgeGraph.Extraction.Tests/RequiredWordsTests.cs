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
}
