using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Keeps one reading of every stretch of text: lexicon names first, then longer names, then surer ones.
/// Names that are generic words or descriptions (这一事业部, FPGA公司) are dropped.
/// </summary>
public sealed class MentionSelector(RecognitionData data, DescriptionFilter descriptions) : IPipelineStage
{
    /// <summary>
    /// No company's name in the lexicon is a generic word: one that is (通用 of 丰田、通用等车企) is a short form the
    /// lexicon's context gate confirmed, and it stays.
    /// </summary>
    private static bool IsKnownCompany(Mention mention) => mention.Source == MentionSource.Lexicon && mention.Type == "Organization";

    public void Process(Document document)
    {
        var lexiconMentions = new MentionSpans(document.Mentions.Where(m => m.Source == MentionSource.Lexicon));
        var ordered = document.Mentions
            .Where(m => (!data.IsGeneric(m.Text) || IsKnownCompany(m)) && !descriptions.IsDescription(m) && !descriptions.IsCountedKind(document.Text, m)
                        && !IsShownToBeNoName(document, m))
            .OrderBy(m => m.Source == MentionSource.Lexicon || ExtendsOneLexiconName(document.Text, m, lexiconMentions, data) ? 0 : 1)
            .ThenByDescending(m => m.Range.Length)
            .ThenByDescending(m => m.Confidence)
            .ToList();
        var readings = ReadingsByRange(ordered);
        var occupied = new System.Collections.BitArray(document.Text.Length);
        var kept = new List<Mention>();
        foreach (var mention in ordered)
        {
            if (Occupied(occupied, mention.Range)) continue;
            for (var i = mention.Range.Start; i < mention.Range.End; i++) occupied[i] = true;
            kept.Add(mention);
        }
        document.Mentions.Clear();
        document.Mentions.AddRange(kept.OrderBy(m => m.Range.Start));
        TypeListedNamesLikeTheirNeighbours(document);
        GiveEachNameOneType(document.Mentions, readings);
    }

    /// <summary>
    /// A name the article shows elsewhere to be no entity's (ResNet的作者 before 深度残差网络ResNet), read here by its
    /// shape alone: a research work. A name something here types (智驾方案iPilot beside 其iPilot方案) or a person's stays.
    /// </summary>
    private static bool IsShownToBeNoName(Document document, Mention mention) =>
        document.NotNames.Count > 0 && mention.Source == MentionSource.Pattern && mention.Type != "Person" && mention.Confidence <= ShapeOnlyConfidence
        && document.NotNames.Contains(mention.Text);

    /// <summary>The confidence of a Latin name typed by its shape alone, with no word around it saying what it is.</summary>
    private const double ShapeOnlyConfidence = 0.5;

    /// <summary>
    /// Every reading the recognisers gave a stretch of text, by its range: one name in one place can be read as a
    /// product by the noun before it (网约车平台Lyft) and as an organization by the verb after it (Lyft宣布); only
    /// one reading is kept, but all of them are evidence of what the name is.
    /// </summary>
    private static Dictionary<TextRange, List<Mention>> ReadingsByRange(List<Mention> candidates)
    {
        var readings = new Dictionary<TextRange, List<Mention>>();
        foreach (var candidate in candidates.Where(m => m.Source == MentionSource.Pattern))
        {
            if (!readings.TryGetValue(candidate.Range, out var list)) readings[candidate.Range] = list = [];
            list.Add(candidate);
        }
        return readings;
    }

    /// <summary>
    /// Names listed together are things of one kind: an unknown name typed by its shape alone takes the type of
    /// the surer names beside it (Facebook、Instagram、WhatsApp和Messenger). Only whole items count: a name that
    /// opens a longer word (谷歌 of 谷歌相册) or owns the next thing (Agility Robotics的Digit) is no item of the list.
    /// </summary>
    private static void TypeListedNamesLikeTheirNeighbours(Document document)
    {
        var (text, mentions) = (document.Text, document.Mentions);
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (mention.Source != MentionSource.Pattern || mention.Confidence > WeakConfidence || mention.Type == "Person" || !IsWholeItem(document, mention)) continue;
            var neighbours = new[] { i - 1, i + 1 }
                .Where(j => j >= 0 && j < mentions.Count && IsWholeItem(document, mentions[j]) && IsListedWith(text, mentions[Math.Min(i, j)], mentions[Math.Max(i, j)]))
                .Select(j => mentions[j])
                .Where(m => m.Confidence > WeakConfidence && m.Type != "Person")
                .Select(m => m.Type)
                .Distinct()
                .ToList();
            if (neighbours.Count == 1) mention.Type = neighbours[0];
        }
    }

    private const double WeakConfidence = 0.5;

    /// <summary>
    /// A list's item ends at a mark, a list word (和, 等) or a verb; a name that a noun continues (谷歌相册, 阿里通义实验室)
    /// or 的 follows is part of something else.
    /// </summary>
    private static bool IsWholeItem(Document document, Mention mention)
    {
        var end = mention.Range.End;
        if (end >= document.Text.Length) return true;
        if (document.Text[end] == '的') return false;
        var after = document.TokenStartingAt(end);
        return after is null || after.Tag is not ("n" or "nz" or "nt" or "ng");
    }


    private static bool IsListedWith(string text, Mention left, Mention right) =>
        ListJoints.OnlyJoins(text.AsSpan(left.Range.End, Math.Max(0, right.Range.Start - left.Range.End)));

    /// <summary>
    /// An article means one thing by one unknown name: where its mentions were typed differently (Covariant the
    /// company, and Covariant机器人基础模型 read as a model), the type with the most evidence wins, counting every
    /// reading of every mention; types guessed from the name's shape alone count only when nothing else does or
    /// to break a tie.
    /// </summary>
    private static void GiveEachNameOneType(List<Mention> mentions, Dictionary<TextRange, List<Mention>> readings)
    {
        foreach (var group in mentions.Where(m => m.Source == MentionSource.Pattern).GroupBy(m => Resolution.NameKey.Of(m.Text)))
        {
            var evidence = group.SelectMany(m => readings.TryGetValue(m.Range, out var all) ? all.Where(r => r.Text == m.Text) : [m]).ToList();
            if (evidence.Select(m => m.Type).Distinct().Count() < 2) continue;
            var strong = evidence.Where(m => m.Confidence > WeakConfidence).ToList();
            var types = Weights(strong.Count > 0 ? strong : evidence);
            if (types.Count > 1 && types[1].Weight == types[0].Weight)
            {
                var tied = types.Where(t => t.Weight == types[0].Weight).Select(t => t.Type).ToHashSet();
                types = Weights(evidence.Where(m => tied.Contains(m.Type)));
                if (types.Count > 1 && types[1].Weight == types[0].Weight) continue;
            }
            foreach (var mention in group) mention.Type = types[0].Type;
        }
    }

    private static List<(string Type, double Weight)> Weights(IEnumerable<Mention> evidence) =>
        evidence.GroupBy(m => m.Type).Select(g => (Type: g.Key, Weight: Math.Round(g.Sum(m => m.Confidence), 6))).OrderByDescending(t => t.Weight).ToList();

    /// <summary>
    /// A name that adds words to exactly one known name inside it names something else and wins over the known
    /// name: a Latin run (Kimi k1.5, AMD Ventures), a version (文心大模型4.0), a unit's ending or business (吉利资本, 京东零售) or an
    /// organization named with its city in front (北京智源人工智能研究院). A run
    /// of two known names (NVIDIA H100) does not. So does a product's name that fills a quote (SaaS产品“安途Agent”): the quotes
    /// mark where the one name begins and ends.
    /// </summary>
    private static bool ExtendsOneLexiconName(string text, Mention mention, MentionSpans lexiconMentions, RecognitionData data)
    {
        if (mention.Source != MentionSource.Pattern) return false;
        var overlapping = lexiconMentions.Overlapping(mention.Range).OrderBy(m => m.Range.Start).ToList();
        // A unit named with its parent and its region (蔚来中国, stated-unit-words.txt; Stargate Norway): the place closing it is a word of its name.
        if (mention.Type == "Organization" && overlapping.Count == 2 && overlapping[1] is { Type: "Location" } place && place.Range.End == mention.Range.End
            && (data.StatedUnitWords.Contains(place.Text) || char.IsAsciiLetter(place.Text[0]))) overlapping.RemoveAt(1);
        if (mention.Type == "Product" && OpensWithMakerOfProduct(overlapping, mention.Range)) return true;
        if (overlapping.Count != 1 || overlapping[0].Range.Length >= mention.Range.Length
            || overlapping[0].Range.Start < mention.Range.Start || overlapping[0].Range.End > mention.Range.End) return false;
        var latin = !mention.Text.Any(c => c > '\u2E80');
        var versioned = overlapping[0].Range.Start == mention.Range.Start
                        && ((RecognitionData.VersionAfter(mention.Text, overlapping[0].Range.Length) ?? ProductNameRecogniser.ModelNumberAfterChineseName(mention.Text, overlapping[0].Range.Length)) is { } version
                            && version.Length == mention.Range.Length - overlapping[0].Range.Length
                            || mention.Type == "Product" && ProductNameRecogniser.EndsWithModel(mention.Text, overlapping[0].Range.Length));
        var subOrganization = overlapping[0].Range.Start == mention.Range.Start && mention.Type == "Organization" && overlapping[0].Type == "Organization"
                              && data.SubOrganizationSuffixes.Concat(data.UnitBusinessWords).Concat(data.StatedUnitWords).Any(suffix => mention.Text.EndsWith(suffix, StringComparison.Ordinal));
        // A device named after its maker or its known product (小米AI眼镜, 夸克AI眼镜) is the device, not the maker.
        var taggedDevice = overlapping[0].Range.Start == mention.Range.Start && mention.Type == "Product"
                           && ProductNameRecogniser.TaggedDeviceAfter(mention.Text, overlapping[0].Range.Length, data.DeviceNouns)?.Length
                           == mention.Range.Length - overlapping[0].Range.Length;
        var placePrefixed = overlapping[0].Range.Start == mention.Range.Start && mention.Type == "Organization" && overlapping[0].Type == "Location";
        // A known product's Chinese name with Latin words of an edition after it (盘古Pro MoE) is that edition.
        var latinEdition = overlapping[0].Range.Start == mention.Range.Start && mention.Type == "Product" && overlapping[0].Type == "Product"
                           && IsLatinTail(mention.Text, overlapping[0].Range.Length);
        var quotedProduct = mention.Type == "Product" && FillsQuote(text, mention.Range);
        return latin || versioned || subOrganization || placePrefixed || taggedDevice || latinEdition || quotedProduct;
    }

    private static bool FillsQuote(string text, TextRange range) =>
        range.Start > 0 && range.End < text.Length
        && (text[range.Start - 1], text[range.End]) is ('“', '”') or ('「', '」') or ('《', '》') or ('"', '"');

    private static bool IsLatinTail(string name, int from)
    {
        for (var i = from; i < name.Length; i++)
        {
            if (name[i] > '\u2E80') return false;
        }
        return from < name.Length;
    }

    /// <summary>
    /// A Latin run that opens with a known company's name and ends with a known product's name, other words between
    /// them (Siemens Industrial Copilot), is that company's product of its own name; with nothing between them
    /// (NVIDIA H100) the two stay the maker and its product.
    /// </summary>
    internal static bool OpensWithMakerOfProduct(IReadOnlyList<Mention> known, TextRange run) =>
        known.Count == 2 && known[0].Range.Start == run.Start && known[0].Type == "Organization"
        && known[1].Range.End == run.End && known[1].Type == "Product" && known[1].Range.Start > known[0].Range.End + 1
        && !known[0].Text.Any(c => c > '\u2E80') && !known[1].Text.Any(c => c > '\u2E80');

    private static bool Occupied(System.Collections.BitArray occupied, TextRange range)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            if (occupied[i]) return true;
        }
        return false;
    }
}
