using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// Points expressions such as 该公司, 这家初创公司, 该部门, 他, 她 back to the nearest earlier entity of the
/// right type in the paragraph (or the paragraph before). In reported speech a pronoun means the speaker.
/// A description of the topic (该公司, 这家初创公司) means the organization the text is about rather than the last
/// one named in passing (「…来自Meta的研究团队。去年12月，该公司完成了A轮融资」): unless that last one opens a clause
/// as its subject, it is the one named most often so far. First-person words in speech are the speaker's
/// (<see cref="SpeakerReferences"/>). The anaphors join the document as mentions of their
/// antecedent, for the relation patterns to use. Each kind of antecedent has its own part: he and she
/// (AnaphoraResolver.People), 它们, 两人 and 双方 (.Plurals), one organization or product (.Antecedent), whether a
/// mention is the subject or topic (.Topic), companies left, joined or founded (.Moves); bare surnames are
/// <see cref="SurnameReferences"/>.
/// </summary>
public sealed partial class AnaphoraResolver : IPipelineStage
{
    private readonly List<AnaphorRule> _anaphors;
    private readonly Recognition.RecognitionData _recognition;
    private readonly SpeakerReferences _speakers;
    private readonly SurnameReferences _surnames;
    private readonly HashSet<string> _descriptionHeads;
    private readonly IReadOnlyList<string> _personDescribers;
    private readonly string[] _moveVerbs;
    private readonly IReadOnlyList<string> _leaveVerbs;
    private readonly IReadOnlyList<string> _foundingVerbs;
    private readonly BackerNames _backers;
    private readonly Recognition.Lexicon _lexicon;

    /// <summary>Nouns ending a description of a product and the lexicon kinds of product it never stands for (resolution/product-anaphor-kinds.tsv).</summary>
    private readonly List<(string Noun, HashSet<string> Kinds)> _productAnaphorKinds;

    /// <summary>The kinds a description of a product (该模型, 这套系统) cannot mean, by the first noun of the file it ends in.</summary>
    private HashSet<string>? KindsNotMeant(string anaphor) =>
        _productAnaphorKinds.FirstOrDefault(k => anaphor.EndsWith(k.Noun, StringComparison.Ordinal)).Kinds;

    /// <summary>Words right before 其 that make it its own clause's subject's (在其, 把其, 用于其): resolution/reflexive-coverbs.txt.</summary>
    private readonly string[] _reflexiveCoverbs;

    /// <summary>Endings of names of what is no company (大学, 研究院): resolution/non-company-endings.txt.</summary>
    private readonly IReadOnlyList<string> _nonCompanyEndings;

    /// <summary>What joins the items of a list of names (、, 和, 以及 …): the list words of relations/clause-triggers.tsv.</summary>
    private readonly HashSet<string> _listJoints;

    public AnaphoraResolver(LanguageResources resources, Recognition.RecognitionData recognition, BackerNames backers, SpeechTurns speechTurns,
        Recognition.Lexicon lexicon, SharedResolutionWords sharedWords)
    {
        _recognition = recognition;
        _lexicon = lexicon;
        _nonCompanyEndings = sharedWords.NonCompanyEndings;
        _backers = backers;
        _speakers = new SpeakerReferences(resources, speechTurns);
        _surnames = new SurnameReferences(resources, recognition);
        _descriptionHeads = resources.Lines("resolution/description-heads.txt").Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        _personDescribers = sharedWords.PersonDescribers;
        _reflexiveCoverbs = resources.Lines("resolution/reflexive-coverbs.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        _moveVerbs = resources.Lines("resolution/move-verbs.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        _leaveVerbs = sharedWords.LeaveVerbs;
        _foundingVerbs = recognition.FoundingVerbs;
        _listJoints = resources.Rows("relations/clause-triggers.tsv", 3).Where(r => r[0].Trim() == "list").Select(r => r[2].Trim()).ToHashSet(StringComparer.Ordinal);
        var titles = string.Join("|", recognition.Titles.Select(Regex.Escape));
        var productCues = string.Join("|", recognition.ProductCues.Select(Regex.Escape));
        const RegexOptions options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
        _productAnaphorKinds = resources.Rows("resolution/product-anaphor-kinds.tsv", 2)
            .Select(r => (Noun: r[0].Trim(), Kinds: r[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        _anaphors = resources.Rows("resolution/anaphora.tsv", 2)
            .Select(r => (Pattern: r[0].Trim().Replace("@TITLES@", titles).Replace("@PRODUCTCUES@", productCues), Row: r))
            .Select(p => new AnaphorRule(new Regex(p.Pattern, options), LiteralPrefilter.Of(p.Pattern, options),
                TypeOf(p.Row[1]), CountOf(p.Row[1]), HasScope(p.Row, "outside-clause"), HasScope(p.Row, "topic"), HasScope(p.Row, "nearest"),
                HasScope(p.Row, "sentence-subject") || HasScope(p.Row, "sentence-subject-as-subject"), HasScope(p.Row, "sentence-subject-as-subject"),
                HasScope(p.Row, "same-head-only") ? HeadRule.Only : HasScope(p.Row, "same-head") ? HeadRule.Preferred : HeadRule.None,
                HasScope(p.Row, "rest-of-list")))
            .ToList();
    }

    public void Process(Document document)
    {
        var occupied = new System.Collections.BitArray(document.Text.Length);
        foreach (var mention in document.Mentions)
        {
            for (var i = mention.Range.Start; i < mention.Range.End; i++) occupied[i] = true;
        }
        var byParagraph = document.Mentions
            .Where(m => !m.IsAnaphor && m.Entity is not null && m.Sentence >= 0)
            .ToLookup(m => document.Sentences[m.Sentence].Paragraph);
        var organizationEnds = document.Mentions.Where(m => m.Type == "Organization").Select(m => m.Range.End).ToHashSet();
        var namings = NamingsByEntity(document);
        var backers = document.Backers;
        backers.UnionWith(document.Mentions.Where(m => m.Type == "Organization" && _backers.IsBacker(document.Text, m)));
        var added = _surnames.Find(document, occupied);
        var sketch = new CharacterSketch();
        foreach (var sentence in document.Sentences)
        {
            var sentenceText = document.Slice(sentence.Range.Start, sentence.Range.End);
            sketch.Fill(sentenceText);
            foreach (var (pattern, prefilter, type, count, outsideClause, topical, nearest, sentenceSubject, asSubjectOnly, head, restOfList) in _anaphors)
            {
                if (!prefilter.MayMatch(sentenceText, sketch)) continue;
                foreach (Match match in pattern.Matches(sentenceText))
                {
                    var range = new TextRange(sentence.Range.Start + match.Index, sentence.Range.Start + match.Index + match.Length);
                    if (IsOccupied(document, occupied, range) || range.Length == 0 && IsAfterOrganization(organizationEnds, range.Start)) continue;
                    var limit = outsideClause ? ClauseStart(document.Text, sentence.Range.Start, range.Start) : range.Start;
                    var antecedents = count == 1
                        ? [type == "Person"
                            ? PersonAntecedent(document, byParagraph, added, sentence, limit)
                            : ReflexiveSubject(document, byParagraph, added, sentence, range, match.Value, type) ?? Antecedent(document, byParagraph, added, gap: range.Length == 0, namings, backers, sentence, limit, range.Start, mayContinueSubject: range.Length > 0 && !nearest, type, topical,
                                CompanyWords.Any(match.Value.Contains), sentenceSubject && (!asSubjectOnly || OpensClause(document, sentence, range.Start)), head == HeadRule.None ? null : (HeadNoun(match.Value), head == HeadRule.Only),
                                range.Length == 0 ? MovedTo(document, byParagraph, sentence, range.Start) : LeftBeforeFounding(document, byParagraph, sentence, range.Start),
                                type == "Product" ? KindsNotMeant(match.Value) : null)]
                        : type == "Organization" && count == 2
                            ? Parties(document, byParagraph, namings, sentence, limit)
                            : count == ListCount
                                ? LastList(document, byParagraph, sentence, limit, type)
                                : restOfList && RestOfPeopleList(document, byParagraph, added, sentence, limit, count) is { } rest
                                    ? rest
                                : count == 2 && type == "Person" && CoordinatedPair(document, byParagraph, added, sentence, limit) is { } pair
                                    ? pair
                                    : LastDistinct(document, byParagraph, sentence, limit, type, count);
                    if (antecedents.Count == 0 || antecedents.Any(a => a?.Entity is null)) continue;
                    for (var i = range.Start; i < range.End; i++) occupied[i] = true;
                    added.AddRange(antecedents.Select(antecedent => new Mention(range, match.Value, type, MentionSource.Anaphor, antecedent!.Confidence * 0.85)
                    {
                        Sentence = sentence.Index,
                        Entity = antecedent.Entity,
                        StandsForListItem = count == ListCount,
                    }));
                }
            }
        }
        added.AddRange(_speakers.Find(document, occupied, added));
        document.Mentions.AddRange(added);
        document.Mentions.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
    }

    /// <summary>
    /// Another mention stands in the range, other than a place wholly inside a longer description (这家总部位于深圳的公司,
    /// 这家成立于2023年的北京初创公司): the description still points back to the company; a short anaphor inside a
    /// place's name (其 in 土耳其) is no anaphor.
    /// </summary>
    private static bool IsOccupied(Document document, System.Collections.BitArray occupied, TextRange range)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            if (!occupied[i]) continue;
            var at = i;
            if (!document.Mentions.Any(m => m.Type == "Location" && m.Range.Contains(at) && m.Range.Start >= range.Start && m.Range.End <= range.End && m.Range.Length < range.Length)
                || document.Mentions.Any(m => m.Type != "Location" && m.Range.Contains(at))) return true;
        }
        return false;
    }

    /// <summary>An organization written right before the gap fills it already (微软CEO纳德拉).</summary>
    private static bool IsAfterOrganization(HashSet<int> organizationEnds, int position) =>
        organizationEnds.Contains(position - 1) || organizationEnds.Contains(position);

    private static bool HasScope(string[] row, string scope) => row.Length > 2 && row[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope);

    private static string TypeOf(string column) => column.Trim().Split(' ')[^1];

    private static int CountOf(string column) => column.Trim().Split(' ') switch
    {
        [ListWord, _] => ListCount,
        [var number, _] => int.Parse(number, System.Globalization.CultureInfo.InvariantCulture),
        _ => 1,
    };

    /// <summary>A plural anaphor written "list Organization" in anaphora.tsv stands for every item of the last list named before it.</summary>
    private const string ListWord = "list";

    private const int ListCount = 0;

    private static int ClauseStart(string text, int sentenceStart, int position)
    {
        var start = position;
        // A dash opens a clause too (…收购的Annapurna Labs——如今它是AWS旗下的芯片部门).
        while (start > sentenceStart && text[start - 1] is not ('，' or ',' or '：' or ':' or '—')) start--;
        return start;
    }

    private static readonly System.Buffers.SearchValues<char> ClauseOrSentenceBreaks = System.Buffers.SearchValues.Create("，,。；;！？!?");

    /// <summary>
    /// Whether an anaphor made of a head noun (研究院, 实验室, 集团) points back only to an organization named with that
    /// noun at its end (scope same-head-only: a bare 研究院 in 「长期领导研究院的A」 is 北京智源人工智能研究院, and nothing when
    /// no such name stands before), or to one first if there is one (scope same-head: 该集团 is 现代汽车集团 rather than its
    /// subsidiary named since, else the organization named so far).
    /// </summary>
    private enum HeadRule { None, Preferred, Only }

    /// <summary>One row of <c>resolution/anaphora.tsv</c>: the expression, what it points to and the scopes it is read in.</summary>
    private sealed record AnaphorRule(Regex Pattern, LiteralPrefilter Prefilter, string Type, int Count, bool OutsideClause, bool Topical,
        bool Nearest, bool SentenceSubject, bool AsSubjectOnly, HeadRule Head, bool RestOfList);

    private static bool EndsAt(string text, int end, string word) =>
        end >= word.Length && string.CompareOrdinal(text, end - word.Length, word, 0, word.Length) == 0;

    /// <summary>The mention stands in the sentence's paragraph or in the one before, with no item of a list starting between.</summary>
    private static bool Reaches(Document document, Mention mention, Sentence sentence)
    {
        var paragraph = document.Sentences[mention.Sentence].Paragraph;
        return paragraph == sentence.Paragraph || paragraph == document.ParagraphBefore(sentence.Paragraph);
    }

    /// <summary>Where each entity is named, in text order, so that "named most often so far" is a search, not a scan of the article.</summary>
    private static Dictionary<EntityCluster, List<int>> NamingsByEntity(Document document)
    {
        var namings = new Dictionary<EntityCluster, List<int>>();
        foreach (var mention in document.Mentions.Where(m => !m.IsAnaphor && m.Entity is not null))
        {
            if (!namings.TryGetValue(mention.Entity!, out var starts)) namings[mention.Entity!] = starts = [];
            starts.Add(mention.Range.Start);
        }
        foreach (var starts in namings.Values) starts.Sort();
        return namings;
    }

    /// <summary>How many times the entity is named before the position.</summary>
    private static int NamedBefore(Dictionary<EntityCluster, List<int>> namings, EntityCluster entity, int position)
    {
        if (!namings.TryGetValue(entity, out var starts)) return 0;
        var index = starts.BinarySearch(position);
        return index >= 0 ? index : ~index;
    }
}
