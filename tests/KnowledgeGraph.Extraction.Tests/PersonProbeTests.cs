using System.Text;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// The person probes of Probes/person-probes.tsv: every sentence not marked open yields the relations it asserts and none of
/// those it must not. Names match as `kg eval` matches them: any name, alias or mention text, case, width, spaces and dots aside.
/// A probe of several paragraphs writes each line break as \n.
/// </summary>
[Collection(PipelineCollection.Name)]
public class PersonProbeTests(PipelineFixture fixture)
{
    private const string ProbeFile = "Probes/person-probes.tsv";

    public static TheoryData<string, string, string> ReadProbes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, ProbeFile), Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            var status = columns.Length > 3 ? columns[3] : "";
            if (status.StartsWith("open", StringComparison.Ordinal)) continue;
            data.Add(columns[0].Replace("\\n", "\n", StringComparison.Ordinal), columns.Length > 1 ? columns[1] : "", columns.Length > 2 ? columns[2] : "");
        }
        return data;
    }

    [Fact]
    public void Most_probes_are_read()
    {
        Assert.True(ReadProbes().Count >= 65, $"only {ReadProbes().Count} probes are tested");
    }

    [Theory]
    [MemberData(nameof(ReadProbes))]
    public void A_probe_yields_what_it_asserts_and_nothing_it_must_not(string text, string asserted, string notAsserted)
    {
        var result = fixture.Extract(text);
        foreach (var (type, subject, @object) in Relations(asserted))
            Assert.True(Has(result, type, subject, @object), $"missing {type} {subject}→{@object} in: {result.Describe()}");
        foreach (var (type, subject, @object) in Relations(notAsserted))
            Assert.False(Has(result, type, subject, @object), $"unwanted {type} {subject}→{@object}");
    }

    private static IEnumerable<(string Type, string Subject, string Object)> Relations(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(item =>
        {
            var typeEnd = item.IndexOf(' ');
            var parties = item[(typeEnd + 1)..].Split('>');
            return (item[..typeEnd], parties[0], parties[1]);
        });

    private static bool Has(ExtractionResult result, string type, string subject, string @object)
    {
        var subjects = EntitiesNamed(result, subject);
        var objects = EntitiesNamed(result, @object);
        return result.Relations.Any(r => r.Type == type && subjects.Contains(r.Subject) && objects.Contains(r.Object));
    }

    private static HashSet<string> EntitiesNamed(ExtractionResult result, string name) =>
        result.Entities.Where(e => e.Aliases.Append(e.Name).Concat(e.Mentions.Select(m => m.Text)).Any(n => Key(n) == Key(name)))
            .Select(e => e.Id).ToHashSet();

    private static string Key(string name) =>
        new(name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Where(c => c is not (' ' or '·')).ToArray());
}
