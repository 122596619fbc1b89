using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Tests;

[Collection(PipelineCollection.Name)]
public class ArticleSectionsTests(PipelineFixture fixture)
{
    private const string Filler = "🚀 澜渊科技今天发布了新一代芯片，市场反应热烈。\n";

    [Fact]
    public void Sections_cut_at_paragraph_breaks_and_join_back_to_the_text()
    {
        var text = string.Concat(Enumerable.Repeat(Filler, 100));
        var sections = ArticleSections.Split(new Article("a", text, null, null, null), maxLength: 250).ToList();

        Assert.True(sections.Count > 1);
        Assert.Equal(text, string.Concat(sections.Select(s => s.Section.Text)));
        Assert.All(sections, s => Assert.True(s.Section.Text.Length <= 250));
        Assert.All(sections, s => Assert.EndsWith("\n", s.Section.Text));
        Assert.Equal(sections.Select(s => s.Start), sections.Select(s => text.IndexOf(s.Section.Text, s.Start, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_paragraph_longer_than_a_section_is_cut_between_surrogate_pairs()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("😀", 200));
        var sections = ArticleSections.Split(new Article("a", text, null, null, null), maxLength: 100).ToList();

        Assert.Equal(text, string.Concat(sections.Select(s => s.Section.Text)));
        Assert.All(sections, s => Assert.False(char.IsLowSurrogate(s.Section.Text[0])));
    }

    /// <summary>
    /// An article past the section length is extracted section by section; what comes out must read as one article:
    /// one entity per name, code-point offsets into the whole text, relations from the last section too.
    /// </summary>
    [Fact]
    public void An_article_longer_than_a_section_gives_one_result_with_offsets_into_the_whole_text()
    {
        var filler = string.Concat(Enumerable.Repeat(Filler, ArticleSections.DefaultMaxLength * 3 / 2 / Filler.Length));
        var text = filler + "澜渊科技与华为达成战略合作，双方将在芯片领域展开合作。";
        var result = fixture.Pipeline.Extract(new Article("long", text, null, new DateTime(2024, 3, 22), null));

        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        string At(Model.TextSpan span) => string.Concat(runes[span.Start..span.End]);
        var company = Assert.Single(result.Entities, e => e.Name == "澜渊科技");
        Assert.Contains(company.Mentions, m => m.Start < 100);
        Assert.Contains(company.Mentions, m => m.Start > ArticleSections.DefaultMaxLength);
        Assert.All(result.Entities.SelectMany(e => e.Mentions), m => Assert.Equal(m.Text, At(m)));
        var partnership = result.Relation("PARTNERED_WITH", "澜渊科技", "华为");
        Assert.NotNull(partnership);
        Assert.Equal(partnership.Evidence.Text, At(partnership.Evidence));
        Assert.Equal(filler.EnumerateRunes().Count(), partnership.Evidence.Start);
    }
}
