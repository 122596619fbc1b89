using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Model;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// A product the lexicon knows has a known maker (its owner column), and that settles who DEVELOPS it: a pattern
/// that hands it to another organization has read the wrong name of a list or a clause (「谷歌与推出Claude Code的
/// Anthropic」, 「谷歌云和微软Azure」), and the maker does not USE what it makes. A sentence naming the maker and
/// the product together asserts the maker's product, however it is phrased (「OpenAI的GPT-4」, 「微软Azure」,
/// 「OpenAI最新的GPT-4o」). A product no one is said to make whose name begins with an organization's the article
/// names (Perplexity Pro, Magic-G4, 腾讯元宝) is that organization's.
/// </summary>
public sealed class ProductMakers(Recognition.Lexicon lexicon, AssertionCues cues) : IPipelineStage
{
    private readonly ProductFamilies _families = new(lexicon);

    private const double NamedTogetherConfidence = 0.6;

    private const double NamedAfterMakerConfidence = 0.55;

    public void Process(Document document)
    {
        AddModelCodes(document);
        var makers = new Dictionary<EntityCluster, string>();
        foreach (var product in document.Entities.Where(e => e.Type == "Product" && e.LexiconId is not null))
        {
            if (lexicon.ById(product.LexiconId!)?.Owner is { } maker) makers[product] = maker;
        }
        document.Relations.RemoveAll(r => r.Type == "DEVELOPS" && makers.TryGetValue(r.Object, out var maker) && IsOfFamily(r.Subject, maker) == false);
        // A division may well use its parent's product (华为云 and 昇腾): only the maker and its parents are ruled out.
        document.Relations.RemoveAll(r => r.Type == "USES" && makers.TryGetValue(r.Object, out var maker)
                                          && r.Subject.LexiconId is { } user && lexicon.Ancestry(maker).Contains(user));
        KeepOneReading(document.Relations, makers);
        DropHostsReadAsUsed(document.Relations, makers);
        // A variant's maker is a guess from its name: it may add the relation, never veto another maker.
        var variants = new Dictionary<EntityCluster, string>();
        foreach (var product in document.Entities.Where(e => e.Type == "Product" && e.LexiconId is null))
        {
            var maker = product.KnownNames.Prepend(product.Name).Select(_families.MakerOfVariant).FirstOrDefault(m => m is not null);
            if (maker is not null) variants[product] = maker;
        }
        document.Relations.AddRange(NamedTogether(document, makers, false));
        document.Relations.AddRange(NamedTogether(document, variants, true));
        document.Relations.AddRange(NamedAfterMaker(document, makers).ToList());
        document.Relations.AddRange(ArticleProductFamilies.MakersOfVersions(document,
            (organization, product) => !makers.TryGetValue(product, out var maker) || IsOfFamily(organization, maker) != false).ToList());
        // What the article says an organization makes it does not also use (问小袋将接入LongCat系列模型 lifted to 美团, which
        // launched LongCat; 决定采用其推理芯片RNGD read with the maker as the user): the lexicon's makers are ruled out above.
        var made = document.Relations.Where(r => r.Type == "DEVELOPS").Select(r => (r.Subject, r.Object)).ToHashSet();
        document.Relations.RemoveAll(r => r.Type == "USES" && made.Contains((r.Subject, r.Object)));
    }

    /// <summary>
    /// A model named after its maker (小鹏G9, 零跑C16 of 零跑汽车, 苹果M1) is also called by its code alone (G9, C16, M1):
    /// news writes a car's or phone's model with its brand and a chip's often without.
    /// </summary>
    private static void AddModelCodes(Document document)
    {
        // Most articles name no product a Chinese name and a number open: the makers' names are gathered only for those that do.
        var named = document.Entities.Where(e => e.Type == "Product" && e.LexiconId is null)
            .Select(product => (Product: product, Texts: product.Mentions.Where(m => !m.IsAnaphor && MayBeMakersModel(m.Text)).Select(m => m.Text).Distinct().ToList()))
            .Where(p => p.Texts.Count > 0)
            .ToList();
        if (named.Count == 0) return;
        var makerNames = document.Entities.Where(e => e.Type == "Organization")
            .SelectMany(o => o.Mentions.Where(m => !m.IsAnaphor && m.Text.Length >= MinMakerName && m.Text.All(IsHan)).Select(m => m.Text))
            .SelectMany(n => n.Length >= MinMakerName + CompanyEndingLength ? [n, n[..^CompanyEndingLength]] : new[] { n })
            .Distinct()
            .ToList();
        if (makerNames.Count == 0) return;
        foreach (var (product, texts) in named)
        {
            foreach (var text in texts)
            {
                var maker = makerNames.Where(n => text.StartsWith(n, StringComparison.Ordinal) && Recognition.ProductNameRecogniser.EndsWithModel(text, n.Length))
                    .MaxBy(n => n.Length);
                if (maker is not null) product.KnownNames.Add(text[maker.Length..]);
            }
        }
    }

    /// <summary>A maker's Chinese name and a model, which always holds a digit (小鹏G9, 苹果M1, 极越01), can make the name.</summary>
    private static bool MayBeMakersModel(string text) => text.Length > MinMakerName && IsHan(text[0]) && text.AsSpan().ContainsAnyInRange('0', '9');

    private const int MinMakerName = 2;

    /// <summary>A company's two-character ending (汽车, 科技) its models are named without (零跑C16 of 零跑汽车).</summary>
    private const int CompanyEndingLength = 2;

    /// <summary>
    /// One clause read both as making and as using a product (X上线了Y; 其人形机器人Y将被部署到X, 其 read as X): using
    /// when the lexicon names another maker, else the reading of the more certain pattern, making when they are as certain.
    /// </summary>
    private void KeepOneReading(List<RelationCandidate> relations, Dictionary<EntityCluster, string> makers)
    {
        var readings = relations.Where(r => r.Type is "DEVELOPS" or "USES")
            .GroupBy(r => (r.Subject, r.Object, r.Sentence.Index))
            .Where(g => g.Any(r => r.Type == "DEVELOPS") && g.Any(r => r.Type == "USES"))
            .ToList();
        foreach (var reading in readings)
        {
            var makingConfidence = reading.Where(r => r.Type == "DEVELOPS").Max(r => r.Confidence);
            var usingConfidence = reading.Where(r => r.Type == "USES").Max(r => r.Confidence);
            var (subject, product, _) = reading.Key;
            var madeElsewhere = makers.TryGetValue(product, out var maker) && IsOfFamily(subject, maker) != true;
            var weaker = madeElsewhere || makingConfidence < usingConfidence ? "DEVELOPS" : "USES";
            relations.RemoveAll(r => r.Type == weaker && reading.Contains(r));
        }
    }

    /// <summary>Kinds of product (lexicon kind column) that host other products rather than run inside them.</summary>
    private static readonly HashSet<string> HostKinds = new(StringComparer.Ordinal) { "platform", "cloud" };

    /// <summary>
    /// 上线 and 上架 read both ways (千帆平台上线了DeepSeek-R1; Mistral Large已上线微软Azure): where one sentence gives the owner of a
    /// platform or cloud using a product and that product's maker using the platform, the platform is the host, and the
    /// maker does not use it.
    /// </summary>
    private void DropHostsReadAsUsed(List<RelationCandidate> relations, Dictionary<EntityCluster, string> makers)
    {
        var made = relations.Where(r => r.Type == "DEVELOPS").Select(r => (r.Subject, r.Object)).ToHashSet();
        bool Makes(EntityCluster organization, EntityCluster product) =>
            made.Contains((organization, product)) || makers.TryGetValue(product, out var maker) && IsOfFamily(organization, maker) == true;
        var hostsReadAsUsed = relations.Where(r => r.Type == "USES" && makers.TryGetValue(r.Object, out var owner)
                && lexicon.ById(r.Object.LexiconId!)?.Kind is { } kind && HostKinds.Contains(kind)
                && relations.Any(other => other.Type == "USES" && other.Sentence.Index == r.Sentence.Index && other.Object != r.Object
                                          && IsOfFamily(other.Subject, owner) == true && Makes(r.Subject, other.Object)))
            .ToList();
        relations.RemoveAll(r => hostsReadAsUsed.Contains(r));
    }

    /// <summary>
    /// DEVELOPS for a product no pattern gave a maker whose name begins with the name of an organization the article names,
    /// where the lexicon knows no maker of it or knows that one (DeepSeek-R1 in an article that names DeepSeek elsewhere).
    /// </summary>
    private IEnumerable<RelationCandidate> NamedAfterMaker(Document document, Dictionary<EntityCluster, string> makers)
    {
        var developed = document.Relations.Where(r => r.Type == "DEVELOPS").Select(r => r.Object).ToHashSet();
        foreach (var (product, (maker, sentence)) in MakerNames.ProductsNamedAfterMakers(document))
        {
            if (makers.TryGetValue(product, out var known) && IsOfFamily(maker, known) != true || developed.Contains(product)) continue;
            yield return new RelationCandidate("DEVELOPS", maker, product, NamedAfterMakerConfidence, sentence,
                RelationAttributes.None);
        }
    }

    /// <summary>
    /// DEVELOPS from the maker to its product, for every known pair the article names in one sentence and no pattern
    /// found; not when a pattern found a division or parent of the maker making it (微软旗下GitHub推出的Copilot: GitHub's), nor
    /// when it found a unit the text says is part of the maker (阿里巴巴旗下的钉钉发布了钉钉A1: 钉钉's).
    /// </summary>
    /// <remarks>
    /// For a variant the sentence naming a division of the maker is left alone: the division launching it is the
    /// maker the text means (百度旗下的百度智能云宣布…ERNIE Speed).
    /// </remarks>
    private IEnumerable<RelationCandidate> NamedTogether(Document document, Dictionary<EntityCluster, string> makers, bool variants)
    {
        var found = document.Relations.Where(r => r.Type == "DEVELOPS").Select(r => (r.Subject, r.Object)).ToHashSet();
        var units = document.Relations.Where(r => r.Type == "PART_OF").Select(r => (Unit: r.Subject, Parent: r.Object)).ToHashSet();
        var added = new List<RelationCandidate>();
        foreach (var (product, makerId) in makers)
        {
            var maker = MakerOrItsCompany(document, makerId);
            if (maker is null || found.Contains((maker, product))) continue;
            // The text may name a unit the lexicon does not list (阿里巴巴旗下的钉钉发布了钉钉A1): that unit, part of the maker, made it.
            if (found.Any(f => f.Object == product && (IsOfFamily(f.Subject, makerId) == true || units.Contains((f.Subject, maker))))) continue;
            var sentence = product.Mentions.Where(m => !m.IsAnaphor && m.Sentence >= 0).Select(m => m.Sentence)
                .Intersect(maker.Mentions.Where(m => !m.IsAnaphor && m.Sentence >= 0).Select(m => m.Sentence))
                .Order()
                .Select(index => document.Sentences[index])
                .FirstOrDefault(s => !IsHedged(document, s, maker, product));
            if (sentence is null || variants && NamesDivisionOf(document, sentence, makerId)) continue;
            added.Add(new RelationCandidate("DEVELOPS", maker, product, NamedTogetherConfidence, sentence,
                RelationAttributes.None));
        }
        return added;
    }

    /// <summary>
    /// A sentence of rumour or talks (苹果正与阿里洽谈国行iPhone的AI功能, 智谱正洽谈在沙特部署GLM) is about a deal in the
    /// making, not a statement of who makes the product named in it: a hedge up to where the two are named.
    /// </summary>
    private bool IsHedged(Document document, Sentence sentence, EntityCluster maker, EntityCluster product)
    {
        var named = maker.Mentions.Concat(product.Mentions).Where(m => m.Sentence == sentence.Index && !m.IsAnaphor).ToList();
        var start = named.Min(m => m.Range.Start) - sentence.Range.Start;
        var end = named.Max(m => m.Range.End);
        var text = document.Text.AsSpan(sentence.Range.Start, sentence.Range.Length);
        return cues.IsUncertain(document.Text.AsSpan(sentence.Range.Start, end - sentence.Range.Start), text, start);
    }

    private bool NamesDivisionOf(Document document, Sentence sentence, string makerId) =>
        document.Entities.Any(e => e.Type == "Organization" && e.LexiconId is { } id && id != makerId && lexicon.Ancestry(id).Contains(makerId)
                                   && e.Mentions.Any(m => m.Sentence == sentence.Index));

    /// <summary>
    /// The maker as the article names it: itself, or where the maker is a lab or division the article does not name, the
    /// company it belongs to (谷歌 for Google DeepMind's Gemini). A subsidiary company's products stay its own.
    /// </summary>
    private EntityCluster? MakerOrItsCompany(Document document, string makerId)
    {
        for (var (id, depth) = ((string?)makerId, 0); id is not null && depth <= Recognition.Lexicon.MaxOwnerDepth; depth++)
        {
            if (document.Entities.FirstOrDefault(e => e.LexiconId == id) is { } named) return named;
            var entry = lexicon.ById(id);
            id = entry?.Kind is "lab" or "division" ? entry.Owner : null;
        }
        return null;
    }

    /// <summary>
    /// Whether the organization is the maker, one of the maker's parents, or one of its divisions (谷歌DeepMind for
    /// 谷歌); unknown (null) for an organization the lexicon does not know, which may be a division it does not list.
    /// </summary>
    private bool? IsOfFamily(EntityCluster organization, string makerId)
    {
        if (organization.LexiconId is not { } organizationId) return null;
        return lexicon.AreOneFamily(organizationId, makerId);
    }
}
