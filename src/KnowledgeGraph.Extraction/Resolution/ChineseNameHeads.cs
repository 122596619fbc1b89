using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Recognition;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// An article that names a Chinese company in full (图森未来, 毫末智行, 自变量机器人, 集度汽车) calls it by the start of its
/// name after (图森, 毫末, 自变量, 集度), known to the lexicon or not: such a head is that company. Not when the head is a name
/// of its own (百度 of 百度智能云, 美团 of 美团龙珠: a unit of a known company), a gated short form (理想, read in context by
/// recognition), a place or a generic word, nor when the name ends in what makes it a unit of its head (首钢基金, 某某研究院:
/// resolution/unit-name-endings.txt and non-company-endings.txt) or in a place (大众中国 is the head's unit in China), nor
/// when the name is a phrase (机器之心), nor when two companies of the article start alike.
/// </summary>
internal sealed class ChineseNameHeads(Lexicon lexicon, RecognitionData recognition, LanguageResources resources, SharedResolutionWords sharedWords)
{
    private const int MinHeadLength = 2;

    /// <summary>What follows the head in the full name: 2 characters at least (阿里云 has no head 阿里).</summary>
    private const int MinRestLength = 2;

    private readonly string[] _unitEndings = resources.Lines("resolution/unit-name-endings.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).Concat(sharedWords.NonCompanyEndings).ToArray();

    private readonly HashSet<string> _places = lexicon.Entries.Where(e => e.Type == "Location").SelectMany(e => e.ChineseNames).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Tags of words that are no company's name where they stand (实在 of 实在智能 is an adverb, 第四 of 第四范式 a number, 理想 in
    /// 毛利率也不理想 an adjective, 长城 in 游客登上长城 a place).
    /// </summary>
    private static readonly HashSet<string> NoNameTags = ["d", "m", "t", "q", "p", "c", "u", "r", "f", "ad", "an", "mq", "a", "v", "vd", "vn", "ns"];

    /// <summary>The heads of the article's organization names, each with the mention of the full name it stands for.</summary>
    public Dictionary<string, Mention> Of(Document document, Func<Mention, string> keyOf)
    {
        var heads = new Dictionary<string, Mention>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in document.Mentions.Where(m => m.Type == "Organization" && !m.IsAnaphor))
        {
            foreach (var head in HeadsOf(mention.Text))
            {
                if (!heads.TryAdd(head, mention) && keyOf(heads[head]) != keyOf(mention)) ambiguous.Add(head);
            }
        }
        foreach (var head in ambiguous) heads.Remove(head);
        return heads;
    }

    /// <summary>
    /// The head stands as a word where it is found again: a token of the segmenter starts there, is no function word,
    /// and one starts right after it (自变 inside 自变量, 深度 of 深度学习 are no head), not a Latin name or number (星动L7 is
    /// a product named after its maker).
    /// </summary>
    public static bool StandsAsWord(Document document, TextRange range) =>
        document.TokenStartingAt(range.Start) is { } first && !NoNameTags.Contains(first.Tag)
        && (range.End >= document.Text.Length || document.TokenStartingAt(range.End) is not null && !char.IsAsciiLetterOrDigit(document.Text[range.End]));

    private IEnumerable<string> HeadsOf(string name)
    {
        if (name.Length < MinHeadLength + MinRestLength || !name.All(c => c is >= '\u4E00' and <= '\u9FFF')) return [];
        if (_unitEndings.Any(ending => name.EndsWith(ending, StringComparison.Ordinal))) return [];
        var heads = new List<string>();
        for (var length = MinHeadLength; length <= name.Length - MinRestLength; length++)
        {
            var head = name[..length];
            var rest = name[length..];
            // A short form that is an ordinary word too (理想, 大众, 长城) is read in context by the gated short forms of recognition.
            if (lexicon.IsName(head) || recognition.GatedShortForms.ContainsKey(head) || _places.Contains(rest) || rest[0] is '之' or '的') return [];
            if (!recognition.IsGeneric(head)) heads.Add(head);
        }
        return heads;
    }
}
