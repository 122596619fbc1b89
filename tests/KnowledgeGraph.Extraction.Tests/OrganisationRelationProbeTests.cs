namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Probe sentences for organisation and product relations (Probes/organisation-relations.tsv), written in phrasings the
/// corpus does not use, as a check that the relation mechanisms generalise. Rows marked open in the file wait on
/// something outside the relations (a name the recogniser does not find) and are not run.
/// </summary>
[Collection(PipelineCollection.Name)]
public class OrganisationRelationProbeTests(PipelineFixture fixture)
{
    private const string ProbeFile = "Probes/organisation-relations.tsv";

    public static TheoryData<string, string, string> Probes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, ProbeFile)))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            if (columns.Length > 3 && columns[3].StartsWith("open", StringComparison.Ordinal)) continue;
            data.Add(columns[0], columns.ElementAtOrDefault(1) ?? "", columns.ElementAtOrDefault(2) ?? "");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public void A_probe_sentence_gives_what_it_asserts_and_nothing_it_does_not(string text, string asserts, string denies)
    {
        var result = fixture.Extract(text);
        foreach (var (type, subject, @object) in Relations(asserts))
            Assert.True(result.Relation(type, subject, @object) is not null, $"{type} {subject}→{@object} not in: {result.Describe()}");
        foreach (var (type, subject, @object) in Relations(denies))
            Assert.True(result.Relation(type, subject, @object) is null, $"{type} {subject}→{@object} should not be in: {result.Describe()}");
    }

    [Fact]
    public void The_probe_file_holds_enough_runnable_probes_to_mean_something() =>
        Assert.True(Probes().Count() >= 40, $"only {Probes().Count()} runnable probes in {ProbeFile}");

    private static IEnumerable<(string Type, string Subject, string Object)> Relations(string column) =>
        column.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(relation =>
        {
            var (type, pair) = (relation[..relation.IndexOf(' ')], relation[(relation.IndexOf(' ') + 1)..]);
            var parts = pair.Split('>');
            return (type, parts[0], parts[1]);
        });
}
