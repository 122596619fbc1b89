using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Whole articles in the shapes news comes in (round-ups of numbered, bulleted or headlined items; interviews with
/// question and answer turns; quotations; HTML pages with their furniture; JSON; GB18030 and GBK files; a main company
/// referred to across paragraphs), one file each in Probes/articles, read as files are read. Beside each, NAME.expect
/// lists what the article must assert (+TYPE subject>object) and must not (-TYPE subject>object); rows that still fail
/// are kept commented with their reason.
/// </summary>
[Collection(PipelineCollection.Name)]
public class ArticleProbeTests(PipelineFixture fixture)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Probes", "articles");

    public static TheoryData<string> Articles()
    {
        var articles = new TheoryData<string>();
        foreach (var expectations in Directory.EnumerateFiles(Folder, "*.expect").Order(StringComparer.Ordinal))
            articles.Add(Path.GetFileNameWithoutExtension(expectations));
        return articles;
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Each_article_asserts_what_it_says_and_nothing_it_does_not(string name)
    {
        var file = Directory.EnumerateFiles(Folder, name + ".*").Single(f => !f.EndsWith(".expect", StringComparison.Ordinal));
        var result = fixture.Pipeline.Extract(ArticleReader.ReadFile(file).Single());
        var failures = new List<string>();
        foreach (var (line, number) in File.ReadAllLines(Path.Combine(Folder, name + ".expect")).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var (wanted, type, subject, @object) = Parse(line, name, number);
            if ((result.Relation(type, subject, @object) is not null) != wanted)
                failures.Add($"{name}.expect line {number}: {(wanted ? "missing" : "spurious")} {type} {subject}→{@object}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures) + $"\nfound: {result.Describe()}");
    }

    [Fact]
    public void There_are_articles_of_every_shape()
    {
        var extensions = Directory.EnumerateFiles(Folder).Select(Path.GetExtension).ToHashSet();
        Assert.Superset(new HashSet<string?> { ".txt", ".html", ".json", ".expect" }, extensions);
        Assert.True(Directory.EnumerateFiles(Folder, "*.expect").Count() >= 25, "fewer than 25 probe articles");
    }

    private static (bool Wanted, string Type, string Subject, string Object) Parse(string expectation, string name, int line)
    {
        var parts = expectation[1..].Split(' ', 2);
        var pair = parts.Length == 2 ? parts[1].Split('>') : [];
        if (expectation[0] is not ('+' or '-') || pair.Length != 2)
            throw new InvalidDataException($"{name}.expect line {line}: expected +TYPE subject>object or -TYPE subject>object, got '{expectation}'");
        return (expectation[0] == '+', parts[0], pair[0], pair[1]);
    }
}
