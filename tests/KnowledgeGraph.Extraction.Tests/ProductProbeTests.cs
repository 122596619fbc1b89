using System.Text;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// The product probes of Probes/product-probes.tsv: every sentence not marked open yields the relations and product
/// names it asserts and none of those it must not. Names match as `kg eval` matches them: any name, alias or mention
/// text, case, width, spaces and dots aside.
/// </summary>
[Collection(PipelineCollection.Name)]
public class ProductProbeTests(PipelineFixture fixture)
{
    private const string ProbeFile = "Probes/product-probes.tsv";

    private const string ProductItem = "Product:";

    public static TheoryData<string, string, string> ReadProbes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, ProbeFile), Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            if (columns.Length > 3 && columns[3].StartsWith("open", StringComparison.Ordinal)) continue;
            data.Add(columns[0], columns.Length > 1 ? columns[1] : "", columns.Length > 2 ? columns[2] : "");
        }
        return data;
    }

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
        foreach (var item in Items(asserted))
            Assert.True(Holds(result, item), $"missing {item} in: {result.Describe()}");
        foreach (var item in Items(notAsserted))
            Assert.False(Holds(result, item.TrimStart('!')), $"unwanted {item} in: {result.Describe()}");
    }

    private static IEnumerable<string> Items(string column) => column.Split('|', StringSplitOptions.RemoveEmptyEntries);

    private static bool Holds(ExtractionResult result, string item)
    {
        if (item.StartsWith(ProductItem, StringComparison.Ordinal))
            return result.Entities.Any(e => e.Type == "Product" && Names(e).Any(n => Key(n) == Key(item[ProductItem.Length..])));
        var typeEnd = item.IndexOf(' ');
        var parties = item[(typeEnd + 1)..].Split('>');
        var subjects = EntitiesNamed(result, parties[0]);
        var objects = EntitiesNamed(result, parties[1]);
        return result.Relations.Any(r => r.Type == item[..typeEnd] && subjects.Contains(r.Subject) && objects.Contains(r.Object));
    }

    private static IEnumerable<string> Names(ExtractedEntity entity) => entity.Aliases.Append(entity.Name).Concat(entity.Mentions.Select(m => m.Text));

    private static HashSet<string> EntitiesNamed(ExtractionResult result, string name) =>
        result.Entities.Where(e => Names(e).Any(n => Key(n) == Key(name))).Select(e => e.Id).ToHashSet();

    private static string Key(string name) =>
        new(name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Where(c => c is not (' ' or '·')).ToArray());
}
