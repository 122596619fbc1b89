namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// The relation probes of Probes/person-probes.tsv and Probes/uses-probes.tsv (format and name matching:
/// <see cref="ProbeRows"/>): every sentence not marked open yields the relations it asserts and none of those it must
/// not (written with or without a leading !).
/// </summary>
[Collection(PipelineCollection.Name)]
public class RelationProbeTests(PipelineFixture fixture)
{
    private static readonly string[] ProbeFiles = ["Probes/person-probes.tsv", "Probes/uses-probes.tsv"];

    public static TheoryData<string, string, string> ReadProbes()
    {
        var probes = new TheoryData<string, string, string>();
        foreach (var file in ProbeFiles)
        {
            foreach (var row in ProbeRows.Read(file)) probes.Add((string)row[0], (string)row[1], (string)row[2]);
        }
        return probes;
    }

    [Theory]
    [InlineData("Probes/person-probes.tsv", 65)]
    [InlineData("Probes/uses-probes.tsv", 10)]
    public void Most_probes_are_read(string file, int fewest)
    {
        var count = ProbeRows.Read(file).Count;
        Assert.True(count >= fewest, $"only {count} probes of {file} are tested");
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
