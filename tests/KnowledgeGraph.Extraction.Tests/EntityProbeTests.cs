using KnowledgeGraph.Extraction.Resolution;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Entity recognition on sentences written to probe names the lexicon does not know (Probes/entity-probes.tsv): each row
/// says which entities of which type the sentence names and which phrases must not become names.
/// </summary>
[Collection(PipelineCollection.Name)]
public class EntityProbeTests(PipelineFixture fixture)
{
    private const string ProbeFile = "Probes/entity-probes.tsv";

    public static IEnumerable<object[]> Probes() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, ProbeFile))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(columns => new object[] { columns[0], columns[1] });

    [Theory]
    [MemberData(nameof(Probes))]
    public void The_sentence_names_the_expected_entities(string sentence, string expected)
    {
        var result = fixture.Extract(sentence);
        var found = string.Join(", ", result.Entities.Select(e => $"{e.Type}:{string.Join("/", e.Aliases.Prepend(e.Name).Distinct())}"));
        foreach (var item in expected.Split("; "))
        {
            if (item.StartsWith('='))
            {
                var spellings = item[1..].Split('|').Select(NameKey.Of).ToList();
                var entity = result.Entities.FirstOrDefault(e => Names(e).Contains(spellings[0]));
                Assert.True(entity is not null && spellings.All(Names(entity).Contains), $"{item[1..]} are not one entity; found {found}");
                continue;
            }
            if (item.StartsWith('!'))
            {
                var phrase = NameKey.Of(item[1..]);
                Assert.False(result.Entities.Any(e => Names(e).Contains(phrase)), $"'{item[1..]}' is no name; found {found}");
                continue;
            }
            var type = item[..item.IndexOf(':')];
            var name = NameKey.Of(item[(type.Length + 1)..]);
            Assert.True(result.Entities.Any(e => e.Type == type && Names(e).Contains(name)), $"missing {item}; found {found}");
        }
    }

    private static HashSet<string> Names(KnowledgeGraph.Model.ExtractedEntity entity) =>
        entity.Aliases.Prepend(entity.Name).Select(NameKey.Of).ToHashSet();
}
