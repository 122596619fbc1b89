using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Recognition;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// A young company named once with its seat's city in front (杭州澜图智能) or by its registered name
/// (北京灵矽科技有限公司, 上海傲鲨智能科技有限公司) is called by its brand afterwards (澜图智能, 灵矽科技, 傲鲨智能):
/// the name without the city and the legal ending, and, when 科技 only closes a field word, without 科技 too.
/// Only company endings (科技, 智能 and the field words of recognition/place-led-org-endings.txt) make such a brand:
/// 上海交通大学 is never 交通大学, and a core of a fund's words alone (创新投资) or a generic word is no brand.
/// </summary>
public sealed class PlaceLessForms
{
    private readonly HashSet<string> _places;
    private readonly IReadOnlyList<string> _brandEndings;
    private readonly HashSet<string> _fundWords;

    /// <summary>The registered forms' endings of resolution/legal-suffixes.txt (有限公司, 股份有限公司), longest first.</summary>
    private readonly IReadOnlyList<string> _legalEndings;
    private readonly RecognitionData _data;

    /// <summary>Characters of an administrative level written after a city's or province's name (深圳市, 浙江省).</summary>
    private static readonly string LevelCharacters = LanguageData.EmbeddedWords.Characters("recognition/organization-words.tsv", "place-levels");

    private const string TechEnding = "科技";
    private const int MinCoreLength = 2;

    public PlaceLessForms(Lexicon lexicon, LanguageResources resources, RecognitionData data)
    {
        _data = data;
        _places = lexicon.Entries.Where(e => e.Type == "Location").SelectMany(e => e.ChineseNames).Where(n => n.Length >= 2).ToHashSet(StringComparer.Ordinal);
        _brandEndings = resources.Lines("recognition/place-led-org-endings.txt").Select(l => l.Trim()).Where(l => l.Length > 0)
            .Concat(LanguageData.EmbeddedWords.List("recognition/organization-words.tsv", "coined-name-endings")).Distinct().OrderByDescending(e => e.Length).ToList();
        _fundWords = resources.Lines("recognition/place-led-fund-words.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        // 科技有限公司 is 科技 and a legal ending: the brand keeps its 科技. A bare 公司 or 集团 is no registered form.
        _legalEndings = resources.Lines("resolution/legal-suffixes.txt").Select(l => l.Trim())
            .Where(s => s.Length > RegisteredEnding.Length && s.EndsWith(RegisteredEnding, StringComparison.Ordinal) && !_brandEndings.Any(e => s.StartsWith(e, StringComparison.Ordinal)))
            .OrderByDescending(s => s.Length).ToList();
    }

    public IEnumerable<string> Of(Document document, Mention mention)
    {
        var placeLength = PlaceLength(document, mention);
        if (placeLength == 0) yield break;
        var rest = WithoutLegalEnding(mention.Text[placeLength..]);
        if (!IsBrand(rest)) yield break;
        yield return rest;
        if (rest.EndsWith(TechEnding, StringComparison.Ordinal) && IsBrand(rest[..^TechEnding.Length])) yield return rest[..^TechEnding.Length];
    }

    /// <summary>
    /// A company named without a place (卓驭科技, 风平智能) is called by its core afterwards (卓驭, 风平) when the name
    /// ends in 科技, 智能 or 汽车 and what is left is a brand: a field word before 科技 or 智能 keeps it (see <see cref="Of"/>).
    /// </summary>
    public string? CoreOf(string name)
    {
        var ending = CoreEndings.FirstOrDefault(e => name.EndsWith(e, StringComparison.Ordinal));
        if (ending is null) return null;
        var core = name[..^ending.Length];
        return core.Length >= MinCoreLength && core.All(c => c is >= '\u4E00' and <= '\u9FFF') && IsBrand(name) && !_data.IsGeneric(core)
               && !_places.Contains(core) && !_brandEndings.Any(e => core.EndsWith(e, StringComparison.Ordinal)) ? core : null;
    }

    private static readonly string[] CoreEndings = LanguageData.EmbeddedWords.List("recognition/organization-words.tsv", "brand-core-endings");

    /// <summary>How long the place opening the name is: a place of the lexicon or one the segmenter knows, with 市 or 省 after it.</summary>
    private int PlaceLength(Document document, Mention mention)
    {
        var text = mention.Text;
        var length = 0;
        for (var end = Math.Min(text.Length - 1, MaxPlaceLength); end >= MinCoreLength; end--)
        {
            if (_places.Contains(text[..end])) { length = end; break; }
        }
        if (length == 0 && document.TokenStartingAt(mention.Range.Start) is { Tag: "ns", InDictionary: true } token && token.Range.Length is 2 or 3
            && token.Range.End < mention.Range.End) length = token.Range.Length;
        if (length > 0 && length < text.Length && LevelCharacters.Contains(text[length])) length++;
        return length;
    }

    private const int MaxPlaceLength = 4;


    private const string RegisteredEnding = "公司";

    private string WithoutLegalEnding(string name)
    {
        foreach (var ending in _legalEndings)
        {
            if (name.EndsWith(ending, StringComparison.Ordinal)) return name[..^ending.Length];
        }
        return name;
    }

    /// <summary>A proper core of two characters or more and a company's ending.</summary>
    private bool IsBrand(string name)
    {
        var ending = _brandEndings.FirstOrDefault(e => name.EndsWith(e, StringComparison.Ordinal));
        if (ending is null) return false;
        var core = name[..^ending.Length];
        return core.Length >= MinCoreLength && !_data.IsGeneric(core) && !_data.IsGeneric(name) && !_fundWords.Contains(core)
               && !_places.Contains(core) && !_brandEndings.Contains(core);
    }
}
