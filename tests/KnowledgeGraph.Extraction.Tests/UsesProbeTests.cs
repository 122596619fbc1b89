namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// The USES probes of Probes/uses-probes.tsv (format and name matching: <see cref="ProbeRows"/>): every sentence not
/// marked open yields the relations it asserts and none of those it must not.
/// </summary>
[Collection(PipelineCollection.Name)]
public class UsesProbeTests(PipelineFixture fixture)
{
    public static TheoryData<string, string, string> ReadProbes() => ProbeRows.Read("Probes/uses-probes.tsv");

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
            Assert.True(ProbeRows.HasRelation(result, item), $"missing {item} in: {result.Describe()}");
        foreach (var item in ProbeRows.Items(notAsserted))
            Assert.False(ProbeRows.HasRelation(result, item.TrimStart('!')), $"unwanted {item} in: {result.Describe()}");
    }
}
