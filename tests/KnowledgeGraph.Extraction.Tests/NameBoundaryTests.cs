namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Where names end and what is no name: line breaks, quantities, rounds, descriptions (entities work, session 7).</summary>
[Collection(PipelineCollection.Name)]
public class NameBoundaryTests(PipelineFixture fixture)
{
    [Fact]
    public void Latin_words_on_two_lines_are_two_names_not_one()
    {
        var result = fixture.Extract("量子位 | 公众号 QbitAI\nMeta又出手了，这次的对象是图像生成公司Midjourney。");
        Assert.DoesNotContain(result.Entities, e => e.Name.Contains("QbitAI") && e.Name.Contains("Meta"));
        Assert.True(result.HasEntity("Meta"));
    }

    [Fact]
    public void A_name_at_a_line_end_does_not_take_the_date_that_opens_the_next_line()
    {
        var result = fixture.Extract("【并购】Tessaline收购Coda，Coda CEO将执掌Tessaline\n12月17日，写作工具公司Tessaline宣布收购Coda。");
        Assert.DoesNotContain(result.Entities, e => e.Aliases.Any(a => a.StartsWith("Tessaline") && a.Any(char.IsDigit)));
    }

    [Theory]
    [InlineData("新车采用了两颗Orin芯片，算力达到508TOPS。", "508TOPS")]
    [InlineData("这款处理器的主频达到3.2GHz，功耗下降三成。", "3.2GHz")]
    public void A_number_with_a_unit_is_a_quantity_not_a_name(string text, string quantity)
    {
        var result = fixture.Extract(text);
        Assert.False(result.HasEntity(quantity), string.Join(", ", result.Entities.Select(e => e.Name)));
    }

    [Fact]
    public void A_pre_round_is_no_investor()
    {
        var result = fixture.Extract("成立当年，澜渊科技就拿到了3.4亿元Pre-A轮融资，由腾讯领投。");
        Assert.False(result.HasEntity("Pre-A"));
        Assert.NotNull(result.Relation("INVESTED_IN", "Tencent", "澜渊科技"));
    }

    [Theory]
    [InlineData("交易完成后，澜渊科技成立了数据中心事业部。这一事业部将整合澜渊的加速卡产品线。", "这一事业部")]
    [InlineData("Altera成为全球最大的独立FPGA公司。", "FPGA公司")]
    [InlineData("英特尔完成股权出售，FPGA老牌公司重回独立。", "FPGA老牌公司")]
    public void A_phrase_that_describes_an_organization_is_no_name(string text, string phrase)
    {
        var result = fixture.Extract(text);
        Assert.DoesNotContain(result.Entities, e => e.Aliases.Contains(phrase) || e.Name == phrase);
    }

    [Theory]
    [InlineData("双方将联合开发x86芯片，英特尔将为英伟达打造定制CPU。", "x86")]
    [InlineData("与英伟达的GPU路线不同，Tenstorrent押注开放的RISC-V架构。", "RISC-V")]
    [InlineData("值得一提的是，可灵不只服务C端用户。", "C")]
    public void An_architecture_or_a_market_written_in_latin_letters_is_no_product(string text, string word)
    {
        var result = fixture.Extract(text);
        Assert.False(result.HasEntity(word));
    }
}
