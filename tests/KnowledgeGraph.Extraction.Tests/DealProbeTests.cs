namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Deal sentences phrased the ways news reports funding, takeovers, acqui-hires and licences, one row each in
/// Probes/deal-probes.tsv: what each must assert and what it must not (rumours, plans, denials, deals called off).
/// </summary>
[Collection(PipelineCollection.Name)]
public class DealProbeTests(PipelineFixture fixture)
{
    private const string ProbeFile = "Probes/deal-probes.tsv";

    public static TheoryData<int, string, string> Probes()
    {
        var rows = new TheoryData<int, string, string>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, ProbeFile));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#')) continue;
            var columns = lines[i].Split('\t');
            if (columns.Length != 2) throw new InvalidDataException($"{ProbeFile} line {i + 1}: expected text<TAB>expectations");
            rows.Add(i + 1, columns[0], columns[1]);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public void Each_probe_asserts_what_it_says_and_nothing_it_does_not(int line, string text, string expectations)
    {
        var result = fixture.Extract(text);
        foreach (var expectation in expectations.Split(';'))
        {
            var (wanted, type, subject, @object) = Parse(expectation, line);
            var found = result.Relation(type, subject, @object) is not null;
            Assert.True(found == wanted,
                $"line {line}: {(wanted ? "missing" : "spurious")} {type} {subject}→{@object} in: {result.Describe()}");
        }
    }

    private static (bool Wanted, string Type, string Subject, string Object) Parse(string expectation, int line)
    {
        var sign = expectation[0];
        var parts = expectation[1..].Split(' ', 2);
        var pair = parts.Length == 2 ? parts[1].Split('>') : [];
        if (sign is not ('+' or '-') || pair.Length != 2)
            throw new InvalidDataException($"{ProbeFile} line {line}: expected +TYPE subject>object or -TYPE subject>object, got '{expectation}'");
        return (sign == '+', parts[0], pair[0], pair[1]);
    }
}
