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
/// antecedent, for the relation patterns to use.
/// </summary>
public sealed class AnaphoraResolver : IPipelineStage
{
    private static readonly Regex SpeechVerb = new($"^(?:{string.Join("|", LanguageData.EmbeddedWords.List("resolution/speaker-openings.txt"))})", RegexOptions.Compiled);

    private readonly List<(Regex Pattern, LiteralPrefilter Prefilter, string Type, int Count, bool OutsideClause, bool Topical, bool Nearest, bool SentenceSubject, bool AsSubjectOnly, HeadRule Head)> _anaphors;
    private readonly Recognition.RecognitionData _recognition;
    private readonly SpeakerReferences _speakers;
    private readonly IReadOnlyList<string> _surnameReferenceWords;
    private readonly HashSet<string> _descriptionHeads;
    private readonly IReadOnlyList<string> _personDescribers;
    private readonly string[] _moveVerbs;
    private readonly IReadOnlyList<string> _leaveVerbs;
    private readonly IReadOnlyList<string> _foundingVerbs;
    private readonly BackerNames _backers;
    private readonly Recognition.Lexicon _lexicon;

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
        _surnameReferenceWords = resources.Lines("resolution/surname-references.txt").Select(l => l.Trim()).ToList();
        _descriptionHeads = resources.Lines("resolution/description-heads.txt").Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        _personDescribers = sharedWords.PersonDescribers;
        _moveVerbs = resources.Lines("resolution/move-verbs.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        _leaveVerbs = sharedWords.LeaveVerbs;
        _foundingVerbs = recognition.FoundingVerbs;
        _listJoints = resources.Rows("relations/clause-triggers.tsv", 3).Where(r => r[0].Trim() == "list").Select(r => r[2].Trim()).ToHashSet(StringComparer.Ordinal);
        var titles = string.Join("|", recognition.Titles.Select(Regex.Escape));
        var productCues = string.Join("|", recognition.ProductCues.Select(Regex.Escape));
        const RegexOptions options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
        _anaphors = resources.Rows("resolution/anaphora.tsv", 2)
            .Select(r => (Pattern: r[0].Trim().Replace("@TITLES@", titles).Replace("@PRODUCTCUES@", productCues), Row: r))
            .Select(p => (new Regex(p.Pattern, options), LiteralPrefilter.Of(p.Pattern, options),
                TypeOf(p.Row[1]), CountOf(p.Row[1]), HasScope(p.Row, "outside-clause"), HasScope(p.Row, "topic"), HasScope(p.Row, "nearest"),
                HasScope(p.Row, "sentence-subject") || HasScope(p.Row, "sentence-subject-as-subject"), HasScope(p.Row, "sentence-subject-as-subject"),
                HasScope(p.Row, "same-head-only") ? HeadRule.Only : HasScope(p.Row, "same-head") ? HeadRule.Preferred : HeadRule.None))
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
        var added = SurnameReferences(document, occupied);
        var sketch = new CharacterSketch();
        foreach (var sentence in document.Sentences)
        {
            var sentenceText = document.Slice(sentence.Range.Start, sentence.Range.End);
            sketch.Fill(sentenceText);
            foreach (var (pattern, prefilter, type, count, outsideClause, topical, nearest, sentenceSubject, asSubjectOnly, head) in _anaphors)
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
                            : Antecedent(document, byParagraph, added, gap: range.Length == 0, namings, backers, sentence, limit, range.Start, mayContinueSubject: range.Length > 0 && !nearest, type, topical,
                                CompanyWords.Any(match.Value.Contains), sentenceSubject && (!asSubjectOnly || OpensClause(document, sentence, range.Start)), head == HeadRule.None ? null : (HeadNoun(match.Value), head == HeadRule.Only),
                                range.Length == 0 ? MovedTo(document, byParagraph, sentence, range.Start) : LeftBeforeFounding(document, byParagraph, sentence, range.Start))]
                        : type == "Organization" && count == 2
                            ? Parties(document, byParagraph, namings, sentence, limit)
                            : count == ListCount
                                ? LastList(document, byParagraph, sentence, limit, type)
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

    /// <summary>
    /// The entities of the list of names that ends nearest before a plural anaphor (华为昇腾、寒武纪、海光信息都在争夺…，燧原要与它们
    /// 正面竞争), in this sentence or the one before: items joined by list words, each perhaps written with its maker before
    /// it (华为昇腾, 科大讯飞的讯飞配音); the maker is the item then. Fewer than two items are no list, and none is meant.
    /// </summary>
    private List<Mention?> LastList(Document document, ILookup<int, Mention> byParagraph, Sentence sentence, int position, string type)
    {
        var before = byParagraph[sentence.Paragraph]
            .Where(m => m.Range.End <= position && m.Sentence >= sentence.Index - 1 && m.Type is "Organization" or "Product")
            .OrderBy(m => m.Range.Start)
            .ToList();
        var items = new List<Mention?>();
        Mention? later = null;
        for (var i = before.Count - 1; i >= 0; i--)
        {
            var mention = before[i];
            if (later is null)
            {
                if (mention.Type != type) continue;
                items.Add(mention);
                later = mention;
                continue;
            }
            if (mention.Range.End > later.Range.Start) continue;
            var gap = document.Slice(mention.Range.End, later.Range.Start);
            var makerOfItem = mention.Type == "Organization" && later.Type == "Product" && gap is "" or "的" or "旗下的" or "旗下";
            if (!makerOfItem && !_listJoints.Contains(gap)) break;
            if (mention.Type == type && items.All(item => item!.Entity != mention.Entity)) items.Add(mention);
            later = mention;
        }
        return items.Count >= 2 ? items : [];
    }

    /// <summary>
    /// 两人 after a sentence that names two people joined as one subject (A（…）和B（…）都在X门下读博; 他和帕尔马离开谷歌，与C共同创办了…)
    /// is that pair, not the last two named (the advisor X, or C met in a later clause): the first two people of the nearest
    /// sentence naming people before it, pronouns resolved so far included, written with nothing but 和, 与, 及 or 、 (and a
    /// bracketed spelling) between them. Null when that sentence joins no two people so.
    /// </summary>
    private static List<Mention?>? CoordinatedPair(Document document, ILookup<int, Mention> byParagraph, IReadOnlyList<Mention> resolved, Sentence sentence, int position)
    {
        var people = byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
            .Concat(resolved.Where(m => m.Type == "Person" && m.Entity is not null && Reaches(document, m, sentence)))
            .Where(m => m.Type == "Person" && m.Range.End <= position)
            .OrderBy(m => m.Range.Start)
            .ToList();
        if (people.Count < 2) return null;
        var nearest = people[^1].Sentence;
        var inSentence = people.Where(m => m.Sentence == nearest).ToList();
        for (var i = 1; i < inSentence.Count; i++)
        {
            var (first, second) = (inSentence[i - 1], inSentence[i]);
            if (first.Entity == second.Entity || second.Range.Start < first.Range.End) continue;
            return PairJoints.Contains(WithoutSpelling(document.Slice(first.Range.End, second.Range.Start))) ? [first, second] : null;
        }
        return null;
    }

    private static readonly HashSet<string> PairJoints = LanguageData.EmbeddedWords.Set("recognition/list-joiners.tsv", "anaphora-pairs");

    /// <summary>The gap between two names without a bracketed spelling of the first (（Robin Rombach）和 → 和).</summary>
    private static string WithoutSpelling(string gap)
    {
        gap = gap.TrimStart('）', ')');
        if (gap.Length > 0 && gap[0] is '（' or '(')
        {
            var close = gap.AsSpan().IndexOfAny('）', ')');
            if (close > 0) gap = gap[(close + 1)..];
        }
        return gap;
    }

    /// <summary>The last <paramref name="count"/> different entities named before a plural anaphor (两人), or none.</summary>
    private static List<Mention?> LastDistinct(Document document, ILookup<int, Mention> byParagraph, Sentence sentence, int position, string type, int count)
    {
        var chosen = new List<Mention?>();
        foreach (var mention in byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
                     .Where(m => m.Type == type && m.Range.End <= position).Reverse())
        {
            if (chosen.Any(c => c!.Entity == mention.Entity)) continue;
            chosen.Add(mention);
            if (chosen.Count == count) return chosen;
        }
        return [];
    }

    /// <summary>
    /// The two parties 双方 means: the pair the sentence joins before it (「软银集团与英伟达周二宣布，双方…」, 「A与B旗下的C宣布」
    /// gives A and C), or the only two it names before it, else the two organizations of the paragraph and the one before named most often so far, not the
    /// last two named in passing (a list of co-investors, a founder's former employer).
    /// </summary>
    private static List<Mention?> Parties(Document document, ILookup<int, Mention> byParagraph, Dictionary<EntityCluster, List<int>> namings,
        Sentence sentence, int position)
    {
        var inSentence = byParagraph[sentence.Paragraph].Where(m => m.Sentence == sentence.Index && m.Type == "Organization" && m.Range.End <= position).ToList();
        foreach (var first in inSentence)
        {
            if (first.Range.End >= document.Text.Length || document.Text[first.Range.End] is not ('与' or '和' or '同')) continue;
            var clauseEnd = first.Range.End;
            while (clauseEnd < position && document.Text[clauseEnd] is not ('，' or ',' or '；' or ';' or '：' or ':')) clauseEnd++;
            var second = inSentence.LastOrDefault(m => m.Range.Start > first.Range.End && m.Range.End <= clauseEnd);
            if (second is not null && second.Entity != first.Entity) return [first, second];
        }
        var named = inSentence.GroupBy(m => m.Entity).Select(g => g.First()).ToList<Mention?>();
        if (named.Count == 2) return named;
        named = byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
            .Where(m => m.Type == "Organization" && m.Range.End <= position)
            .GroupBy(m => m.Entity!)
            .OrderByDescending(g => NamedBefore(namings, g.Key, position))
            .ThenByDescending(g => g.Max(m => m.Range.Start))
            .Select(g => g.Last())
            .Take(2)
            .ToList<Mention?>();
        return named.Count == 2 ? named : [];
    }

    private static int ClauseStart(string text, int sentenceStart, int position)
    {
        var start = position;
        // A dash opens a clause too (…收购的Annapurna Labs——如今它是AWS旗下的芯片部门).
        while (start > sentenceStart && text[start - 1] is not ('，' or ',' or '：' or ':' or '—')) start--;
        return start;
    }

    /// <summary>
    /// He or she is the speaker of reported speech in the sentence, else the subject of the nearest sentence naming
    /// people: the first person it names, by name or by a pronoun resolved before (「苏茨克维宣布格罗斯已离开SSI，他本人将
    /// 接任」, 「王直接向扎克伯格汇报。他…」 mean 苏茨克维 and 王, not the person named last).
    /// </summary>
    private static Mention? PersonAntecedent(Document document, ILookup<int, Mention> byParagraph, List<Mention> resolved, Sentence sentence, int position)
    {
        var candidates = byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
            .Concat(resolved.Where(m => m.Type == "Person" && Reaches(document, m, sentence)))
            .Where(m => m.Type == "Person" && m.Range.End <= position)
            .OrderBy(m => m.Range.Start)
            .ToList();
        if (candidates.Count == 0) return null;
        var speaker = candidates.LastOrDefault(m => m.Sentence == sentence.Index && SpeechVerb.IsMatch(document.Text.AsSpan(m.Range.End, Math.Min(12, sentence.Range.End - m.Range.End)).ToString()));
        if (speaker is not null) return speaker;
        var nearest = candidates[^1].Sentence;
        return candidates.First(m => m.Sentence == nearest);
    }

    private static readonly System.Buffers.SearchValues<char> ClauseOrSentenceBreaks = System.Buffers.SearchValues.Create("，,。；;！？!?");

    /// <remarks>
    /// A gap (a title without its organization; <paramref name="resolved"/> holds the anaphors resolved so far) is
    /// at the organization that opens the sentence as its subject, a description resolved before (这家公司) included
    /// (so is 其 further on in a sentence a description opens: 「收购B。这家总部在纽约的公司…，交易完成后，其创始人A…」 is B's):
    /// in 「这家公司成立于2023年，由前Meta研究员A创立，A出任CEO」 and 「Meta入股Scale AI，并邀请其创始人王出任首席AI官」 the
    /// post is at the company the sentence is about, not at the one describing a person.
    /// </remarks>
    private Mention? Antecedent(Document document, ILookup<int, Mention> byParagraph, IReadOnlyList<Mention> resolved, bool gap, Dictionary<EntityCluster, List<int>> namings,
        HashSet<Mention> backers, Sentence sentence, int position, int anaphorStart, bool mayContinueSubject, string type, bool topical,
        bool company, bool sentenceSubject, (string Noun, bool Only)? head, HashSet<EntityCluster> movedTo)
    {
        var named = byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
            .Concat(gap ? DescriptionsResolved(document, resolved, sentence, type)
                : mayContinueSubject ? DescriptionsResolved(document, resolved, sentence, type).Where(m => ContinuesSubject(document, sentence, m, topical))
                : [])
            .Where(m => m.Range.End <= position && !movedTo.Contains(m.Entity!))
            .OrderBy(m => m.Range.Start)
            .ToList();
        if (gap && named.FirstOrDefault(m => m.Sentence == sentence.Index) is { } opening && opening.Type == type
            && OpensClause(document, sentence, opening.Range.Start) && !DescribesPerson(document, opening, sentence)
            && (OnePersonBetween(document, byParagraph, resolved, sentence, opening.Range.End, anaphorStart) || AfterItsFounders(document, sentence, opening, anaphorStart))) return opening;
        var candidates = named.Where(m => m.Type == type && !(company && IsNoCompanyHere(document, m)) && !(topical && IsAgentOfPassive(document, m))).ToList();
        if (head is var (noun, only))
        {
            var headed = NamedWithHead(document, noun);
            var same = candidates.Where(m => headed.Contains(m.Entity!)).ToList();
            // A bare head noun goes back as far as the text has named one (集团 several paragraphs after 现代汽车集团).
            if (same.Count == 0 && only)
                same = document.Mentions.Where(m => !m.IsAnaphor && m.Entity is { } e && headed.Contains(e) && m.Range.End <= position).TakeLast(1).ToList();
            if (same.Count > 0 || only) candidates = same;
        }
        if (candidates.Count == 0) return null;
        // The company a paragraph is about is not one of the backers of its round (「…由启明创投领投，达泰资本…跟投。去年6月，该公司还…」).
        if (candidates.Any(m => !backers.Contains(m))) candidates = candidates.Where(m => !backers.Contains(m)).ToList();
        // A title left without its organization (创始人兼CEO A) or a description of the company (其, 该公司) is not a backer's
        // when the company raising the round went unrecognised (「另一家初创公司X也完成天使轮融资，由B投资。创始人兼CEO A…」).
        else return null;
        // An organization anaphor that opens a later sentence of the paragraph as its subject (「今年7月，该公司又发布了…」)
        // continues the subject of the paragraph's sentences before, not a name inside them (「…以及Databricks联合创始人…」).
        if (type == "Organization" && mayContinueSubject && candidates[^1].Sentence != sentence.Index && OpensClause(document, sentence, anaphorStart))
        {
            // Nor is it a company named in a clause of time before the main one (「去年微软调整该部门后，他…」).
            var main = candidates.Where(m => !InClauseOfTime(document, m)).ToList();
            if (main.Count > 0) candidates = main;
            var subjects = candidates.Where(m => document.Sentences[m.Sentence].Paragraph == sentence.Paragraph
                                                 && OpensClause(document, document.Sentences[m.Sentence], m.Range.Start) && !OpensList(document, m)).ToList();
            if (subjects.Count > 0) candidates = subjects;
            // A subject that leads its sentence comes before one that opens a later clause of it (「Motional成立于2020年，现代汽车与
            // 安波福各出资…。该公司…」, 「…被东风、领克等品牌采用，领克08即搭载了…。该公司又发布了…」): the later clause is an aside.
            var leading = subjects.Where(m => LeadsSentence(document, byParagraph, m)).ToList();
            if (leading.Count > 0) candidates = leading;
        }
        var inParagraph = candidates.Where(m => document.Sentences[m.Sentence].Paragraph == sentence.Paragraph).ToList();
        if (type == "Organization" && inParagraph.Count == 0 && (gap || IsBareCompany(document, anaphorStart)) && OpensParagraph(document, sentence, anaphorStart)
            && candidates.FirstOrDefault(m => OpensClause(document, document.Sentences[m.Sentence], m.Range.Start)) is { } subject) return subject;
        var nearby = inParagraph.Count > 0 ? inParagraph : candidates;
        var nearest = nearby.Last();
        if (!topical || IsTopical(document, nearest, position)) return nearest;
        // With scope sentence-subject, the subject that opens the anaphor's own sentence is what its later clauses go on about
        // (FuriosaAI由…创办，其第二代推理芯片…; Liquid AI与AMD达成合作，将在AMD的GPU上优化其模型…), however often the article names another;
        // so does one that opens the main clause after a clause of time, place or source that names no one (今年3月，…; 根据双方协议，…; 在教育领域，…).
        if (sentenceSubject && nearby.FirstOrDefault(m => m.Sentence == sentence.Index) is { } sentenceOpening && LeadsSentence(document, byParagraph, sentenceOpening)
            && OpensClause(document, sentence, sentenceOpening.Range.Start) && !DescribesPerson(document, sentenceOpening, sentence)
            && !NamedAgainInClause(document, byParagraph, sentenceOpening, position) && !OpensList(document, sentenceOpening)) return sentenceOpening;
        return nearby.OrderByDescending(m => NamedBefore(namings, m.Entity!, position)).ThenByDescending(m => m.Range.Start).First();
    }

    /// <summary>
    /// The mention is the first of a list (SiriusXM、ADT和Sonos都已部署了Sierra的智能体): several companies open the clause, and
    /// a 公司 or 该公司 after it goes on about one company, not the first of them.
    /// </summary>
    private static bool OpensList(Document document, Mention mention)
    {
        var next = mention.Range.End;
        while (next < document.Text.Length && document.Text[next] == ' ') next++;
        return next < document.Text.Length && document.Text[next] == '、';
    }

    /// <summary>
    /// A description or pronoun resolved before that opens a clause as its subject, in the anaphor's sentence or in an earlier
    /// one of its paragraph (这家总部位于广州的公司是…。它成立于2017年…。它与Uber合作…。在广州本地市场，它与…): the paragraph keeps
    /// talking about that company though it never names it, and a partner named in passing is not what the next 它 means.
    /// From an earlier sentence only for an anaphor of the topic (它, 该公司), not for 后者, the latter of two just named.
    /// </summary>
    private bool ContinuesSubject(Document document, Sentence sentence, Mention described, bool topical)
    {
        var own = document.Sentences[described.Sentence];
        return (described.Sentence == sentence.Index || topical && own.Paragraph == sentence.Paragraph) && OpensClause(document, own, described.Range.Start);
    }

    /// <summary>
    /// No organization or person is named in the clauses of the mention's sentence before its own (今年4月，X…; 据报道，X…):
    /// the mention is the subject the sentence starts with.
    /// </summary>
    private static bool LeadsSentence(Document document, ILookup<int, Mention> byParagraph, Mention mention)
    {
        var sentence = document.Sentences[mention.Sentence];
        var clauseStart = ClauseStart(document.Text, sentence.Range.Start, mention.Range.Start);
        return clauseStart == sentence.Range.Start
               || !byParagraph[sentence.Paragraph].Any(m => m.Sentence == mention.Sentence && m.Range.End <= clauseStart && m.Type is "Organization" or "Person");
    }

    /// <summary>
    /// The anaphor's own clause names the mention's entity again after it (地平线是佑驾的芯片供应商，其iPilot方案基于地平线征程系列芯片开发):
    /// a text would not call the same company 其 and then by its name in one clause, so 其 is another one.
    /// </summary>
    private static bool NamedAgainInClause(Document document, ILookup<int, Mention> byParagraph, Mention mention, int position)
    {
        var text = document.Text;
        var clauseEnd = text.AsSpan(position).IndexOfAny(ClauseOrSentenceBreaks);
        var end = clauseEnd < 0 ? text.Length : position + clauseEnd;
        return byParagraph[document.Sentences[mention.Sentence].Paragraph]
            .Any(m => m.Entity == mention.Entity && m.Range.Start >= position && m.Range.End <= end);
    }

    /// <summary>Words that make an anaphor a description of a company (该公司, 这家企业, 公司).</summary>
    private static readonly string[] CompanyWords = LanguageData.EmbeddedWords.List("recognition/organization-words.tsv", "company-nouns");

    /// <summary>
    /// Whether an anaphor made of a head noun (研究院, 实验室, 集团) points back only to an organization named with that
    /// noun at its end (scope same-head-only: a bare 研究院 in 「长期领导研究院的A」 is 北京智源人工智能研究院, and nothing when
    /// no such name stands before), or to one first if there is one (scope same-head: 该集团 is 现代汽车集团 rather than its
    /// subsidiary named since, else the organization named so far).
    /// </summary>
    private enum HeadRule { None, Preferred, Only }

    /// <summary>The head noun of a description: the anaphor without its determiner (该实验室, 这家研究院 → 实验室, 研究院).</summary>
    private static string HeadNoun(string anaphor)
    {
        foreach (var determiner in AnaphorDeterminers)
        {
            if (anaphor.StartsWith(determiner, StringComparison.Ordinal)) return anaphor[determiner.Length..];
        }
        return anaphor;
    }

    private static readonly string[] AnaphorDeterminers = LanguageData.EmbeddedWords.List("recognition/function-words.tsv", "anaphor-determiners");

    /// <summary>Organizations named somewhere in the text with the head noun at the end of the name (北京智源人工智能研究院 for 研究院).</summary>
    private static HashSet<EntityCluster> NamedWithHead(Document document, string noun) =>
        document.Mentions.Where(m => m.Type == "Organization" && m.Entity is not null && !m.IsAnaphor && m.Text.EndsWith(noun, StringComparison.Ordinal))
            .Select(m => m.Entity!)
            .ToHashSet();

    /// <summary>
    /// A company anaphor (该公司, 这家公司, 公司的产品) does not point back to what is no company: a university, a government
    /// body or an institute, by the lexicon's kind or the name's ending (创始人毕业于早稻田大学，该公司的…), nor to a platform
    /// named as the place something happened (在GitHub上收获上万星标。这家成立于2021年的公司…).
    /// </summary>
    private bool IsNoCompanyHere(Document document, Mention mention)
    {
        if (mention.Entity?.LexiconId is { } id && _lexicon.ById(id)?.Kind is "university" or "government") return true;
        if (_nonCompanyEndings.Any(ending => mention.Text.EndsWith(ending, StringComparison.Ordinal))) return true;
        var text = document.Text;
        var after = mention.Range.End;
        while (after < text.Length && text[after] == ' ') after++;
        return mention.Range.Start > 0 && text[mention.Range.Start - 1] == '在' && after < text.Length
               && (text[after] == '上' || string.CompareOrdinal(text, after, PlatformPlace, 0, PlatformPlace.Length) == 0);
    }

    private const string PlatformPlace = "平台上";

    /// <summary>
    /// An organization right after 由 is the agent of a passive clause about something else (清程极智由清华大学计算机系团队孵化，其推理引擎…):
    /// not the topic a description or a possessive goes on about.
    /// </summary>
    private static bool IsAgentOfPassive(Document document, Mention mention) =>
        mention.Range.Start > 0 && document.Text[mention.Range.Start - 1] == '由';

    /// <summary>公司 alone before a post (公司总裁A), not a description of the company (这家公司, 该公司).</summary>
    private static bool IsBareCompany(Document document, int anaphorStart) =>
        string.CompareOrdinal(document.Text, anaphorStart, "公司", 0, 2) == 0;

    /// <summary>
    /// The position opens the first clause of its paragraph (公司总裁A此前…, CEO A是… at a paragraph's start): a company
    /// it leaves unnamed or calls 公司 is the one the paragraph before was about, the first it named as a clause's
    /// subject, not the last it named in passing (…与礼来和诺华达成合作 / …有四位来自谷歌旗下的DeepMind).
    /// </summary>
    private static bool OpensParagraph(Document document, Sentence sentence, int position) =>
        (sentence.Index == 0 || document.Sentences[sentence.Index - 1].Paragraph != sentence.Paragraph)
        && ClauseStart(document.Text, sentence.Range.Start, position) == sentence.Range.Start
        && document.Text.AsSpan(sentence.Range.Start, position - sentence.Range.Start).Trim().Length == 0;

    /// <summary>
    /// Organizations the sentence names after the position as where someone moves (都将加入OpenAI): a title or founding
    /// left without its organization before them is not held there (联合创始人兼CEO A和联合创始人B都将加入OpenAI).
    /// </summary>
    private HashSet<EntityCluster> MovedTo(Document document, ILookup<int, Mention> byParagraph, Sentence sentence, int position)
    {
        var moved = new HashSet<EntityCluster>();
        foreach (var mention in byParagraph[sentence.Paragraph].Where(m => m.Sentence == sentence.Index && m.Type == "Organization" && m.Range.Start > position))
        {
            var verbEnd = mention.Range.Start > 0 && document.Text[mention.Range.Start - 1] == '了' ? mention.Range.Start - 1 : mention.Range.Start;
            if (_moveVerbs.Any(verb => verbEnd >= verb.Length && string.CompareOrdinal(document.Text, verbEnd - verb.Length, verb, 0, verb.Length) == 0))
                moved.Add(mention.Entity!);
        }
        return moved;
    }

    /// <summary>
    /// The mention stands in a clause of time that ends in 后 or 时 before the main clause (「去年Meta解散该团队后，他…」): its
    /// subject is not the one the paragraph's later sentences go on about (「公司同时发布了…」 is the company founded).
    /// </summary>
    private static bool InClauseOfTime(Document document, Mention mention)
    {
        var text = document.Text;
        var end = document.Sentences[mention.Sentence].Range.End;
        var next = text.AsSpan(mention.Range.End, end - mention.Range.End).IndexOfAny(ClauseOrSentenceBreaks);
        if (next <= 0) return false;
        var breakAt = mention.Range.End + next;
        return text[breakAt] is '，' or ',' && text[breakAt - 1] is '后' or '时';
    }

    /// <summary>
    /// Organizations the sentence says, before the position, were left (离开百度, 从DeepMind离职) when a verb of founding or
    /// moving stands right before the position (创办了这家公司, 加入了该公司): the company founded or joined is another one.
    /// </summary>
    private HashSet<EntityCluster> LeftBeforeFounding(Document document, ILookup<int, Mention> byParagraph, Sentence sentence, int position)
    {
        var left = new HashSet<EntityCluster>();
        var text = document.Text;
        var verbEnd = position > 0 && text[position - 1] == '了' ? position - 1 : position;
        if (!_foundingVerbs.Concat(_moveVerbs).Any(verb => EndsAt(text, verbEnd, verb))) return left;
        foreach (var mention in byParagraph[sentence.Paragraph].Where(m => m.Sentence == sentence.Index && m.Type == "Organization" && m.Range.End <= position))
        {
            var before = mention.Range.Start > 0 && text[mention.Range.Start - 1] == '了' ? mention.Range.Start - 1 : mention.Range.Start;
            var leftBefore = _leaveVerbs.Any(verb => EndsAt(text, before, verb));
            var leftAfter = mention.Range.Start > 0 && text[mention.Range.Start - 1] == '从'
                            && _leaveVerbs.Any(verb => string.CompareOrdinal(text, mention.Range.End, verb, 0, verb.Length) == 0);
            if (leftBefore || leftAfter) left.Add(mention.Entity!);
        }
        return left;
    }

    /// <summary>
    /// A verb of founding, perhaps with 了, ends right before the position (创办了Lepton AI, 联合创立X), or before a short
    /// description of what was founded (创办了语音公司声纹科技).
    /// </summary>
    private bool FoundedRightBefore(string text, int position)
    {
        var nameStart = position;
        var head = _descriptionHeads.Where(h => EndsAt(text, position, h)).MaxBy(h => h.Length);
        if (head is not null)
        {
            var descriptionStart = position - head.Length;
            var lowest = Math.Max(0, descriptionStart - MaxDescriptionBeforeFounded);
            while (descriptionStart > lowest && !IsFoundingVerbEnd(text, descriptionStart) && char.IsLetterOrDigit(text[descriptionStart - 1])) descriptionStart--;
            nameStart = descriptionStart;
        }
        return IsFoundingVerbEnd(text, nameStart);
    }

    private const int MaxDescriptionBeforeFounded = 8;

    private bool IsFoundingVerbEnd(string text, int position)
    {
        var verbEnd = position > 0 && text[position - 1] == '了' ? position - 1 : position;
        return _foundingVerbs.Any(verb => EndsAt(text, verbEnd, verb));
    }

    private static bool EndsAt(string text, int end, string word) =>
        end >= word.Length && string.CompareOrdinal(text, end - word.Length, word, 0, word.Length) == 0;

    /// <summary>
    /// At most one person, named or pointed back to, stands between the positions: the one who takes the post
    /// (「…收购GitHub后，他进入GitHub，并接替A出任CEO」 is about two people, and the post is not the opening company's).
    /// </summary>
    private static bool OnePersonBetween(Document document, ILookup<int, Mention> byParagraph, IReadOnlyList<Mention> resolved, Sentence sentence, int from, int to) =>
        byParagraph[sentence.Paragraph].Concat(resolved)
            .Where(m => m.Type == "Person" && m.Sentence == sentence.Index && m.Range.Start >= from && m.Range.End <= to)
            .Select(m => m.Entity)
            .Distinct()
            .Count() <= 1;

    /// <summary>
    /// The clause right before the gap's names who founded the company the sentence opens with (Xnor.ai由A和B共同创立，B担任CTO;
    /// X总部位于旧金山，由大学博士A与教授B于2023年联合创立，A任CEO): the founders named there are not people between the company
    /// and the post, but the ones the post goes on about, and the post is at that company, not at a university named in their description.
    /// </summary>
    private bool AfterItsFounders(Document document, Sentence sentence, Mention opening, int anaphorStart)
    {
        var text = document.Text;
        var clauseStart = ClauseStart(text, sentence.Range.Start, anaphorStart);
        if (clauseStart <= opening.Range.End || text[clauseStart - 1] is not ('，' or ',')) return false;
        var end = clauseStart - 1;
        var before = ClauseStart(text, sentence.Range.Start, end);
        return before >= opening.Range.Start && text.AsSpan(before, end - before).Contains('由')
               && _foundingVerbs.Any(verb => EndsAt(text, end, verb));
    }

    /// <summary>An employer written before a person's title or founding (赛灵思原首席执行官彭胜, 谷歌的研究员A, Coda联合创始人兼CEO希希尔) describes the person.</summary>
    private bool DescribesPerson(Document document, Mention mention, Sentence sentence)
    {
        var next = mention.Range.End;
        while (next < sentence.Range.End && document.Text[next] is '的' or '前' or '原' or '现' or '）' or ')') next++;
        return Recognition.RecognitionData.MatchStartingAt(_recognition.Titles, document.Text, next, sentence.Range.End) is not null
               || _personDescribers.Any(word => string.CompareOrdinal(document.Text, next, word, 0, word.Length) == 0);
    }

    /// <summary>The mention stands in the sentence's paragraph or in the one before, with no item of a list starting between.</summary>
    private static bool Reaches(Document document, Mention mention, Sentence sentence)
    {
        var paragraph = document.Sentences[mention.Sentence].Paragraph;
        return paragraph == sentence.Paragraph || paragraph == document.ParagraphBefore(sentence.Paragraph);
    }

    /// <summary>Written anaphors of the paragraph and the one before that stand for one entity (这家公司, not 双方).</summary>
    private static IEnumerable<Mention> DescriptionsResolved(Document document, IReadOnlyList<Mention> resolved, Sentence sentence, string type) =>
        resolved.Where(m => m.Range.Length > 0 && m.Type == type && Reaches(document, m, sentence))
            .GroupBy(m => m.Range)
            .Where(g => g.Count() == 1)
            .Select(g => g.First());

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

    private static int NamedBefore(Dictionary<EntityCluster, List<int>> namings, EntityCluster entity, int position)
    {
        if (!namings.TryGetValue(entity, out var starts)) return 0;
        var index = starts.BinarySearch(position);
        return index >= 0 ? index : ~index;
    }

    /// <summary>
    /// The mention stands first in its clause, after nothing but time words and adverbs, and owns nothing after it
    /// (Meta的团队); or it closes the clause right before the anaphor's (「…创办了芯片公司Nervana，该公司…」).
    /// </summary>
    private bool IsTopical(Document document, Mention mention, int anaphorClause)
    {
        var sentence = document.Sentences[mention.Sentence];
        var text = document.Text;
        var next = mention.Range.End;
        while (next < text.Length && text[next] is '）' or ')' or ' ') next++;
        // Only within its sentence: a name closing the last clause of the sentence before (…、Redpoint Ventures和Bond，投前估值…。) is not
        // the subject of the next one.
        if (ClosesClauseBefore(text, next, anaphorClause)) return true;
        // So does a post held there (…此前是VR公司Oculus的创始人，该公司2014年被收购): the person's post names the company the anaphor
        // goes on about, however often the article names its own subject.
        if (PostAt(text, next, sentence.Range.End) is { } post && ClosesClauseBefore(text, next + post, anaphorClause)) return true;
        if (mention.Range.End < sentence.Range.End && text[mention.Range.End] == '的') return false;
        // So is a company the text has just said someone founded (…随后与前同事在美国联合创办了Lepton AI，做AI云的推理平台。两年后，
        // 这家公司被英伟达收购): in a paragraph about a person it is the company the paragraph goes on to, not a former employer named more often.
        if (FoundedRightBefore(text, mention.Range.Start)) return true;
        // An employer written before a person's title (清华大学教授朱军…) describes the person, who is the clause's subject.
        if (Recognition.RecognitionData.MatchStartingAt(_recognition.Titles, text, next, sentence.Range.End) is not null) return false;
        var start = IsFirstOfParagraph(document, sentence) ? PlaceStart(document, sentence, mention.Range.Start) : mention.Range.Start;
        for (var i = sentence.FirstToken + sentence.TokenCount - 1; i >= sentence.FirstToken; i--)
        {
            var token = document.Tokens[i];
            if (token.Range.Start >= start) continue;
            if (token.Text is "，" or "," or "；" or ";" or "：" or ":") return true;
            if (token.Tag is not ("t" or "d" or "c" or "m" or "q" or "w")) return false;
        }
        return true;
    }

    /// <summary>
    /// The tokens from <paramref name="from"/> to <paramref name="to"/> are a place and 的 (杭州的, 广州的): in a round-up of small
    /// companies a paragraph opens with where the next one is (杭州的声枢智能做的是…; 相比之下，成都的青稞数智还在等待), and the
    /// company still opens its clause as the subject the paragraph goes on about (这家公司推出的…, 创始人A…). Only in the
    /// paragraph's first sentence: later (…；法国的Mistral AI也在其助手中采用了FLUX模型。这家公司又推出了…) it is an aside.
    /// </summary>
    private static bool PlaceOfName(IReadOnlyList<Token> tokens, int from, int to) =>
        to - from >= 2 && tokens[to - 1].Text == "的" && AllPlaces(tokens, from, to - 1);

    private static bool IsFirstOfParagraph(Document document, Sentence sentence) =>
        sentence.Index == 0 || document.Sentences[sentence.Index - 1].Paragraph != sentence.Paragraph;

    /// <summary>Where a place and 的 written right before the position start (杭州的 before 声枢智能), else the position.</summary>
    private static int PlaceStart(Document document, Sentence sentence, int position)
    {
        var first = sentence.FirstToken;
        var i = first + sentence.TokenCount - 1;
        while (i >= first && document.Tokens[i].Range.Start >= position) i--;
        if (i <= first || document.Tokens[i].Text != "的" || document.Tokens[i].Range.End != position) return position;
        var start = position;
        for (i--; i >= first && document.Tokens[i].Tag == "ns"; i--) start = document.Tokens[i].Range.Start;
        return start;
    }

    private static bool AllPlaces(IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Tag != "ns") return false;
        }
        return true;
    }

    /// <summary>A comma (or a dash) at the position ends the clause right before the anaphor's.</summary>
    private static bool ClosesClauseBefore(string text, int position, int anaphorClause) =>
        position < anaphorClause && text[position] is '，' or ',' or '—'
        && text.AsSpan(position + 1, anaphorClause - position - 1).IndexOfAny(ClauseOrSentenceBreaks) < 0;

    /// <summary>
    /// How long the post written at the position with 的 is (的联合创始人, 的首席技术官), or null. Without 的 (曾任歌尔股份副总裁，
    /// 公司…; 均为Google DeepMind研究员，拉斯金现任CEO) the employer is a past one, not the company the text goes on about.
    /// </summary>
    private int? PostAt(string text, int position, int limit)
    {
        if (position >= limit || text[position] != '的') return null;
        var start = position + 1;
        var title = Recognition.RecognitionData.MatchStartingAt(_recognition.Titles, text, start, limit)
                    ?? _personDescribers.FirstOrDefault(word => start + word.Length <= limit && string.CompareOrdinal(text, start, word, 0, word.Length) == 0);
        return title is null ? null : start + title.Length - position;
    }

    /// <summary>
    /// Only time words, numbers, adverbs and conjunctions stand between the clause's start and the position, and
    /// perhaps a description of the name there (10月3日，AI芯片公司Cerebras…).
    /// </summary>
    private bool OpensClause(Document document, Sentence sentence, int position)
    {
        var clauseStart = ClauseStart(document.Text, sentence.Range.Start, position);
        var before = document.TokensOf(sentence).Where(t => t.Range.Start >= clauseStart && t.Range.End <= position).ToList();
        var opening = before.TakeWhile(t => t.Tag is "t" or "m" or "q" or "d" or "c" || string.IsNullOrWhiteSpace(t.Text)).Count();
        if (opening == before.Count || IsFirstOfParagraph(document, sentence) && PlaceOfName(before, opening, before.Count)) return true;
        return _descriptionHeads.Contains(before[^1].Text) && before.Skip(opening).All(t => t.Tag is "eng" or "a" or "b" or "j" or "vn" || t.Tag.StartsWith('n'));
    }
}
