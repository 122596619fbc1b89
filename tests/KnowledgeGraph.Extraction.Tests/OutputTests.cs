using System.Text.Json;
using KnowledgeGraph.Extraction.Output;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Tests;

[Collection(PipelineCollection.Name)]
public class OutputTests(PipelineFixture fixture)
{
    /// <summary>Offsets count code points, so text outside the BMP before a name must not shift them.</summary>
    [Fact]
    public void Offsets_are_code_points_into_the_text_as_read()
    {
        const string text = "🚀🚀 重磅：\r\n微软投资了Mistral AI。";
        var result = fixture.Pipeline.Extract(new Article("t", text, null, null, null));
        var elements = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        foreach (var mention in result.Entities.SelectMany(e => e.Mentions))
            Assert.Equal(mention.Text, string.Concat(elements.Skip(mention.Start).Take(mention.End - mention.Start)));
        foreach (var relation in result.Relations)
            Assert.Equal(relation.Evidence.Text, string.Concat(elements.Skip(relation.Evidence.Start).Take(relation.Evidence.End - relation.Evidence.Start)));
        Assert.NotEmpty(result.Relations);
    }

    [Fact]
    public void Json_lines_follow_the_ontology_format()
    {
        var result = fixture.Extract("去年中期，微软领投了Inflection AI的一轮融资，金额13亿美元。", new DateTime(2024, 3, 22, 3, 37, 0));
        using var json = JsonDocument.Parse(ExtractionJson.Serialize(result));
        var root = json.RootElement;
        Assert.Equal("2024-03-22T03:37:00", root.GetProperty("publishedAt").GetString());
        var ids = root.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains("org:microsoft", ids);
        var relation = root.GetProperty("relations").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "INVESTED_IN");
        Assert.Contains(relation.GetProperty("subject").GetString(), ids);
        Assert.Contains(relation.GetProperty("object").GetString(), ids);
        Assert.Equal(1300000000, relation.GetProperty("attributes").GetProperty("amount").GetInt64());
        Assert.Equal("USD", relation.GetProperty("attributes").GetProperty("currency").GetString());
        Assert.True(relation.GetProperty("attributes").GetProperty("lead").GetBoolean());
        Assert.True(relation.GetProperty("evidence").GetProperty("end").GetInt32() > relation.GetProperty("evidence").GetProperty("start").GetInt32());
        Assert.Single(root.GetProperty("deals").EnumerateArray());
    }

    [Fact]
    public void Text_without_chinese_gives_a_result_not_an_error()
    {
        var result = fixture.Extract("Quarterly numbers were published today. Nothing else happened.");
        Assert.DoesNotContain(result.Relations, _ => true);
    }

    [Fact]
    public void A_twenty_megabyte_article_is_processed()
    {
        var paragraph = "澜渊科技与华为达成战略合作，双方将在芯片领域展开合作。市场人士认为这一举措意义重大。\n";
        var text = string.Concat(Enumerable.Repeat(paragraph, 20 * 1024 * 1024 / (paragraph.Length * 3)));
        var result = fixture.Pipeline.Extract(new Article("big", text, null, null, null));
        Assert.NotNull(result.Relation("PARTNERED_WITH", "澜渊科技", "华为"));
    }
}
