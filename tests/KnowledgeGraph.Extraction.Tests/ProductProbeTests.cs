namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// The product probes of Probes/product-probes.tsv (format and name matching: <see cref="ProbeRows"/>): every sentence
/// not marked open yields the relations and product names (Product:NAME) it asserts and none of those it must not
/// (written with or without a leading !).
/// </summary>
[Collection(PipelineCollection.Name)]
public class ProductProbeTests(PipelineFixture fixture)
{
    private const string ProductItem = "Product:";

    public static TheoryData<string, string, string> ReadProbes() => ProbeRows.Read("Probes/product-probes.tsv");

    [Fact]
    public void Most_probes_are_read()
    {
        Assert.True(ReadProbes().Count >= 10, $"only {ReadProbes().Count} probes are tested");
    }

    [Theory]
    [MemberData(nameof(ReadProbes))]
    public void A_probe_yields_what_it_asserts_and_nothing_it_must_not(string text, string asserted, string notAsserted)
    {
        var result = fixture.Extract(text);
        foreach (var item in ProbeRows.Items(asserted))
            Assert.True(Holds(result, item), $"missing {item} in: {result.Describe()}");
        foreach (var item in ProbeRows.Items(notAsserted))
            Assert.False(Holds(result, item.TrimStart('!')), $"unwanted {item} in: {result.Describe()}");
    }

    private static bool Holds(Model.ExtractionResult result, string item) =>
        item.StartsWith(ProductItem, StringComparison.Ordinal)
            ? result.Entities.Any(e => e.Type == "Product" && ProbeRows.IsNamed(e, item[ProductItem.Length..]))
            : ProbeRows.HasRelation(result, item);
}
