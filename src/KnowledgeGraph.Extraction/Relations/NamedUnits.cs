using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// A unit named with its parent's name says whose unit it is: 「阿里巴巴达摩院」, 「微软研究院」 assert PART_OF without a
/// verb. The unit is written right after another organization of the article (or after it and 的, 阿里的通义实验室, when it
/// ends in a unit ending, recognition/unit-endings.txt), or its name begins with one's, and is
/// either placed under it by the lexicon or ends in a unit word (recognition/sub-organization-suffixes.txt); or it is
/// a lab the lexicon places under an organization of the article whose name begins with that organization's and ends as
/// a unit's does (微软研究院, 腾讯AI Lab). A lab's own brand after its parent's name (Google DeepMind, 谷歌大脑) is the name
/// the lab goes by, not a statement that it is the parent's: blind annotators do not read one there.
/// </summary>
public sealed class NamedUnits(Recognition.Lexicon lexicon, Recognition.RecognitionData recognition, LanguageData.LanguageResources resources) : IPipelineStage
{
    /// <summary>The unit endings (recognition/unit-endings.txt), the unit business words and the stated unit words, joined once for <see cref="EndsInUnitEnding"/>.</summary>
    private readonly string[] _unitEndingsAndBusinesses = [.. resources.Lines("recognition/unit-endings.txt"), .. recognition.UnitBusinessWords, .. recognition.StatedUnitWords];

    private const double NamedUnitConfidence = 0.75;

    /// <summary>
    /// A research lab written with its parent's name is the parent's lab (微软研究院); a cloud or a fund so written
    /// (谷歌云, 亚马逊云科技, 吉利资本), or written right after its parent's name (亚马逊AWS), is a business of its own that
    /// texts name as such, not as a unit: 的 between them (阿里巴巴的阿里云) still makes it the parent's.
    /// </summary>
    private const string LabKind = "lab";

    public void Process(Document document)
    {
        var organizations = document.Entities.Where(e => e.Type == "Organization").ToList();
        if (organizations.Count < 2) return;
        var byLexiconId = organizations.Where(e => e.LexiconId is not null).GroupBy(e => e.LexiconId!).ToDictionary(g => g.Key, g => g.First());
        var found = document.Relations.Where(r => r.Type == "PART_OF").Select(r => (r.Subject, r.Object)).ToHashSet();
        var mentionEnds = document.Mentions.Where(m => m.Type == "Organization" && !m.IsAnaphor && m.Entity is not null)
            .GroupBy(m => m.Range.End).ToDictionary(g => g.Key, g => g.First().Entity!);
        var unknownUnits = new List<(EntityCluster Unit, EntityCluster Parent)>();
        foreach (var unit in organizations)
        {
            var entry = unit.LexiconId is { } id ? lexicon.ById(id) : null;
            var owner = entry?.Owner is { } ownerId ? byLexiconId.GetValueOrDefault(ownerId) : null;
            foreach (var mention in unit.Mentions.Where(m => !m.IsAnaphor && m.Sentence >= 0))
            {
                var adjacent = mentionEnds.GetValueOrDefault(mention.Range.Start);
                var before = adjacent ?? PossessorOf(document, mention, mentionEnds);
                var parent = owner is not null
                    ? before == owner && (adjacent != owner || entry!.Kind == LabKind)
                      || entry!.Kind == LabKind && StartsWithNameOf(mention.Text, owner) && EndsInUnitEnding(mention.Text) ? owner : null
                    : before is not null ? EndsInUnitWord(mention.Text) || EndsInUnitEnding(mention.Text) && IsPossessed(document, mention) ? before : null
                    : EndsInUnitEnding(mention.Text) ? NamedWithin(mention.Text, unit, organizations) : null;
                if (parent is null && owner is not null && InTitlesAfter(document, mention, owner)) parent = owner;
                if (parent is null || parent == unit || !found.Add((unit, parent))) continue;
                document.Relations.Add(new RelationCandidate("PART_OF", unit, parent, NamedUnitConfidence, document.Sentences[mention.Sentence],
                    RelationAttributes.None));
                if (entry is null) unknownUnits.Add((unit, parent));
            }
        }
        UnitEmployers.AddParents(document, unknownUnits);
    }

    /// <summary>How far the titles between a parent and its unit may run (高级执行副总裁、).</summary>
    private const int MaxTitleGap = 16;

    /// <summary>
    /// A unit the lexicon places under an organization, named in the titles of one person right after that organization's
    /// title (「腾讯集团高级执行副总裁、云与智慧产业事业群CEO汤道生」): the person's two posts are the parent's and its unit's.
    /// A post held before (前百度集团副总裁、小度科技CEO) says nothing of the unit's parent now.
    /// </summary>
    private bool InTitlesAfter(Document document, Mention unit, EntityCluster owner) =>
        owner.Mentions.Any(m => !m.IsAnaphor && m.Range.End < unit.Range.Start && unit.Range.Start - m.Range.End <= MaxTitleGap
            && document.Text[unit.Range.Start - 1] == '、'
            && !(m.Range.Start > 0 && document.Text[m.Range.Start - 1] is '前' or '原')
            && document.Text[m.Range.End..(unit.Range.Start - 1)] is var titles
            && titles.IndexOfAny(['，', ',', '。', '；', ';', '：', ':', '（', '(', '、']) < 0
            && recognition.Titles.Any(t => titles.EndsWith(t, StringComparison.Ordinal)));

    /// <summary>A lab's or division's ending (研究院, 事业部), or a business (自动驾驶, 零售) that a unit named with its parent's name acts in.</summary>
    private bool EndsInUnitEnding(string name) =>
        _unitEndingsAndBusinesses.Any(e => name.Length > e.Length && name.EndsWith(e, StringComparison.Ordinal));

    /// <summary>A unit written after its parent and 的 (阿里的通义实验室, 字节跳动的Seed团队 when so named).</summary>
    private static EntityCluster? PossessorOf(Document document, Mention mention, Dictionary<int, EntityCluster> mentionEnds) =>
        IsPossessed(document, mention) ? mentionEnds.GetValueOrDefault(mention.Range.Start - 1) : null;

    private static bool IsPossessed(Document document, Mention mention) => mention.Range.Start > 0 && document.Text[mention.Range.Start - 1] == '的';

    private bool EndsInUnitWord(string name) => recognition.SubOrganizationSuffixes.Any(s => name.Length > s.Length && name.EndsWith(s, StringComparison.Ordinal));

    /// <summary>
    /// The organization of the article whose name the unit's own name begins with (清华大学人工智能研究院, read as one
    /// name): the longest such name, so that 阿里巴巴达摩院 is 阿里巴巴's rather than 阿里's when both are written.
    /// </summary>
    private static EntityCluster? NamedWithin(string name, EntityCluster unit, List<EntityCluster> organizations) =>
        organizations.Where(o => o != unit)
            .Select(o => (Organization: o, Length: o.Mentions.Where(m => !m.IsAnaphor).Select(m => m.Text).Concat(o.KnownNames)
                .Where(other => other.Length >= 2 && name.Length > other.Length && name.StartsWith(other, StringComparison.Ordinal))
                .Select(other => other.Length).DefaultIfEmpty(0).Max()))
            .Where(c => c.Length > 0)
            .OrderByDescending(c => c.Length)
            .Select(c => c.Organization)
            .FirstOrDefault();

    /// <summary>The name begins with one of the organization's names as the article writes them, and goes on after it.</summary>
    private static bool StartsWithNameOf(string name, EntityCluster organization) =>
        organization.Mentions.Where(m => !m.IsAnaphor).Select(m => m.Text).Concat(organization.KnownNames)
            .Any(other => other.Length >= 2 && name.Length > other.Length && name.StartsWith(other, StringComparison.Ordinal));
}
