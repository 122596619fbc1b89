using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// Points expressions such as 该公司, 这家初创公司, 该部门, 他, 她 back to the nearest earlier entity of the
/// right type in the paragraph (or the paragraph before). In reported speech a pronoun means the speaker.
/// The anaphors join the document as mentions of their antecedent, for the relation patterns to use.
/// </summary>
public sealed class AnaphoraResolver : IPipelineStage
{
    private static readonly Regex SpeechVerb = new("^(?:直接)?(?:发推|公开|在.{0,8}上)?(?:表示|称|说|透露|宣布|写道)", RegexOptions.Compiled);

    private readonly List<(Regex Pattern, string Type, int Count, bool OutsideClause)> _anaphors;
    private readonly Recognition.RecognitionData _recognition;
    private readonly IReadOnlyList<string> _surnameReferenceWords;

    public AnaphoraResolver(LanguageResources resources, Recognition.RecognitionData recognition)
    {
        _recognition = recognition;
        _surnameReferenceWords = resources.Lines("resolution/surname-references.txt").Select(l => l.Trim()).ToList();
        var titles = string.Join("|", recognition.Titles.Select(Regex.Escape));
        _anaphors = resources.Rows("resolution/anaphora.tsv", 2)
            .Select(r => (new Regex(r[0].Trim().Replace("@TITLES@", titles), RegexOptions.Compiled | RegexOptions.CultureInvariant),
                TypeOf(r[1]), CountOf(r[1]), r.Length > 2 && r[2].Trim() == "outside-clause"))
            .ToList();
    }

    public void Process(Document document)
    {
        var occupied = new System.Collections.BitArray(document.Text.Length);
        foreach (var mention in document.Mentions)
        {
            for (var i = mention.Range.Start; i < mention.Range.End; i++) occupied[i] = true;
        }
        var byParagraph = new Dictionary<(int Paragraph, string Type), List<Mention>>();
        foreach (var mention in document.Mentions.Where(m => !m.IsAnaphor && m.Entity is not null && m.Sentence >= 0))
        {
            var key = (document.Sentences[mention.Sentence].Paragraph, mention.Type);
            if (!byParagraph.TryGetValue(key, out var mentions)) byParagraph[key] = mentions = [];
            mentions.Add(mention);
        }
        var organizationEnds = document.Mentions.Where(m => m.Type == "Organization").Select(m => m.Range.End).ToHashSet();
        var added = SurnameReferences(document, occupied);
        foreach (var sentence in document.Sentences)
        {
            var sentenceText = document.Slice(sentence.Range.Start, sentence.Range.End);
            foreach (var (pattern, type, count, outsideClause) in _anaphors)
            {
                foreach (Match match in pattern.Matches(sentenceText))
                {
                    var range = new TextRange(sentence.Range.Start + match.Index, sentence.Range.Start + match.Index + match.Length);
                    if (Enumerable.Range(range.Start, range.Length).Any(i => occupied[i]) || range.Length == 0 && IsAfterOrganization(organizationEnds, range.Start)) continue;
                    var limit = outsideClause ? ClauseStart(document.Text, sentence.Range.Start, range.Start) : range.Start;
                    var antecedents = count == 1
                        ? [Antecedent(document, byParagraph, sentence, limit, type)]
                        : LastDistinct(byParagraph, sentence, limit, type, count);
                    if (antecedents.Count == 0 || antecedents.Any(a => a?.Entity is null)) continue;
                    for (var i = range.Start; i < range.End; i++) occupied[i] = true;
                    added.AddRange(antecedents.Select(antecedent => new Mention(range, match.Value, type, MentionSource.Anaphor, antecedent!.Confidence * 0.85)
                    {
                        Sentence = sentence.Index,
                        Entity = antecedent.Entity,
                    }));
                }
            }
        }
        document.Mentions.AddRange(added);
        document.Mentions.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
    }

    /// <summary>
    /// A bare surname before what people do or are called (郭表示, 李总) after the person was named in full: the
    /// one person of the article with that surname, if there is exactly one.
    /// </summary>
    private List<Mention> SurnameReferences(Document document, System.Collections.BitArray occupied)
    {
        var found = new List<Mention>();
        var bySurname = document.Entities
            .Where(e => e.Type == "Person")
            .SelectMany(e => e.Mentions.Where(m => !m.IsAnaphor && IsChineseFullName(m.Text)).Select(m => (Surname: SurnameOf(m.Text), Mention: m)))
            .GroupBy(p => p.Surname)
            .Where(g => g.Select(p => p.Mention.Entity).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Mention.Range.Start).First().Mention);
        if (bySurname.Count == 0) return found;
        var text = document.Text;
        foreach (var sentence in document.Sentences)
        {
            for (var at = sentence.Range.Start; at < sentence.Range.End - 1; at++)
            {
                if (at > sentence.Range.Start && Segmentation.JiebaTokenizer.IsHan(text[at - 1]) || occupied[at]) continue;
                foreach (var (surname, named) in bySurname)
                {
                    var end = at + surname.Length;
                    if (named.Range.Start >= at || string.CompareOrdinal(text, at, surname, 0, surname.Length) != 0 || occupied[Math.Min(end, text.Length - 1)]) continue;
                    if (!_surnameReferenceWords.Any(w => string.CompareOrdinal(text, end, w, 0, w.Length) == 0)) continue;
                    for (var i = at; i < end; i++) occupied[i] = true;
                    found.Add(new Mention(new TextRange(at, end), surname, "Person", MentionSource.Anaphor, named.Confidence * 0.85)
                    {
                        Sentence = sentence.Index,
                        Entity = named.Entity,
                    });
                }
            }
        }
        return found;
    }

    private bool IsChineseFullName(string name) =>
        name.Length is >= 2 and <= 4 && name.All(c => c is >= '\u4E00' and <= '\u9FFF') && _recognition.StartsWithSurname(name);

    private string SurnameOf(string name) => name.Length >= 3 && _recognition.Surnames.Contains(name[..2]) ? name[..2] : name[..1];

    /// <summary>An organization written right before the gap fills it already (微软CEO纳德拉).</summary>
    private static bool IsAfterOrganization(HashSet<int> organizationEnds, int position) =>
        organizationEnds.Contains(position - 1) || organizationEnds.Contains(position);

    private static string TypeOf(string column) => column.Trim().Split(' ')[^1];

    private static int CountOf(string column) => column.Trim().Split(' ') is [var number, _] ? int.Parse(number, System.Globalization.CultureInfo.InvariantCulture) : 1;

    /// <summary>
    /// The mentions of the type that end by <paramref name="position"/> in the sentence's paragraph and the one
    /// before, nearest first. Mentions are in text order, and each starts in its own sentence, so the search starts
    /// at the position instead of walking a long paragraph from its end.
    /// </summary>
    private static IEnumerable<Mention> Before(Dictionary<(int Paragraph, string Type), List<Mention>> byParagraph, Sentence sentence, int position, string type)
    {
        foreach (var paragraph in new[] { sentence.Paragraph, sentence.Paragraph - 1 })
        {
            if (!byParagraph.TryGetValue((paragraph, type), out var mentions)) continue;
            for (var i = CountStartingBefore(mentions, position) - 1; i >= 0; i--)
            {
                if (mentions[i].Range.End <= position) yield return mentions[i];
            }
        }
    }

    private static int CountStartingBefore(List<Mention> mentions, int position)
    {
        var (low, high) = (0, mentions.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (mentions[middle].Range.Start < position) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>The last <paramref name="count"/> different entities named before a plural anaphor (两人), or none.</summary>
    private static List<Mention?> LastDistinct(Dictionary<(int Paragraph, string Type), List<Mention>> byParagraph, Sentence sentence, int position, string type, int count)
    {
        var chosen = new List<Mention?>();
        foreach (var mention in Before(byParagraph, sentence, position, type))
        {
            if (chosen.Any(c => c!.Entity == mention.Entity)) continue;
            chosen.Add(mention);
            if (chosen.Count == count) return chosen;
        }
        return [];
    }

    private static int ClauseStart(string text, int sentenceStart, int position)
    {
        var start = position;
        while (start > sentenceStart && text[start - 1] is not ('，' or ',' or '：' or ':')) start--;
        return start;
    }

    /// <summary>The speaker of the sentence for a person, else the nearest mention before, in the paragraph if it has one.</summary>
    private static Mention? Antecedent(Document document, Dictionary<(int Paragraph, string Type), List<Mention>> byParagraph, Sentence sentence, int position, string type)
    {
        Mention? nearest = null;
        foreach (var mention in Before(byParagraph, sentence, position, type))
        {
            nearest ??= mention;
            if (type != "Person" || mention.Sentence != sentence.Index) break;
            if (SpeechVerb.IsMatch(document.Text.AsSpan(mention.Range.End, Math.Min(12, sentence.Range.End - mention.Range.End)).ToString())) return mention;
        }
        return nearest;
    }
}
