using System.Text;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Finds relations sentence by sentence. Each sentence is rewritten with its mentions as slots (&lt;O3&gt; for
/// mention 3, an organization) and the patterns of <c>relations/patterns.tsv</c> run over that; what they assert is
/// kept when the assertion cues allow, with attributes (amount, round, lead, date, role) from the sentence.
/// </summary>
public sealed class RelationExtractor(
    IReadOnlyList<RelationPattern> patterns,
    AssertionCues cues,
    ClauseTopics topics,
    AmountParser amounts,
    OntologySchema ontology,
    Recognition.Lexicon lexicon,
    ClauseTriggers clauseTriggers,
    BackerClauses backerClauses,
    PastJoins pastJoins) : IPipelineStage
{
    private const double AnaphorPenalty = 0.85;

    /// <summary>Below every INVESTED_IN pattern: the clause fallback reads less of the sentence than they do.</summary>
    private const double BackerClauseConfidence = 0.7;

    /// <summary>Follows a carried topic's slot so that it joins no list (「与OpenAI的…不同」 is not 「X与OpenAI的…」).</summary>
    private const char CarriedTopicMark = '\u2060';

    /// <summary>
    /// A carried topic's slot is written ⟨O3⟩: slots in patterns accept it (RelationPattern), gaps step over it, so
    /// that a pattern reaching across the clause break to a subject named before (「X创立了Y，推出Z」) still does.
    /// </summary>
    public const char CarriedSlotOpening = '⟨';

    public const char CarriedSlotClosing = '⟩';

    private static readonly char[] SlotOpenings = ['<', CarriedSlotOpening];
    private static readonly char[] SlotClosings = ['>', CarriedSlotClosing];

    /// <summary>The deals that carry an amount and that a reversal or a calling-off undoes.</summary>
    internal static readonly HashSet<string> DealTypes = ["INVESTED_IN", "ACQUIRED", "ACQUIHIRED", "LICENSED_TO"];

    private readonly IReadOnlyList<RelationPattern> _patterns = patterns;
    private readonly PatternWords _patternWords = PatternWords.Of(patterns);

    public void Process(Document document)
    {
        var bySentence = document.Mentions.Where(m => m.Entity is not null && m.Sentence >= 0).ToLookup(m => m.Sentence);
        var found = new List<(RelationCandidate Candidate, int EvidenceStart, bool Plan)>();
        var chain = new ClauseTopics.Chain();
        var leading = new LeadingOrganization();
        var round = new BackerClauses.RoundOwner();
        var eitherWay = new HashSet<RelationCandidate>(ReferenceEqualityComparer.Instance);
        var yielding = new YieldingCandidates();
        var words = _patternWords.NewOccurrences();
        var calledOff = new CalledOffDeals();
        var paragraph = -1;
        foreach (var sentence in document.Sentences)
        {
            // An item of a round-up is about its own company, not the one the items before were mostly about.
            if (document.Separates(paragraph, sentence.Paragraph)) leading = new LeadingOrganization();
            paragraph = sentence.Paragraph;
            var mentions = SlottableInTextOrder(bySentence[sentence.Index]);
            var carried = topics.CarriedInto(document, sentence, mentions, chain);
            // The first sentences have no article topic before them but their own.
            var readAhead = leading.Current is null;
            // A backer of a round is not what the article is about, however often it is named (由A领投… A合伙人B表示).
            var named = document.Backers.Count == 0 ? mentions : mentions.Where(m => !document.Backers.Contains(m)).ToList();
            if (readAhead) leading.Read(named, chain.TopicsOfClauses);
            if (mentions.Count + carried.Count == 0) continue;
            if (carried.Count > 0)
            {
                mentions = mentions.Where(m => !(m.Range.Length == 0 && carried.Any(c => c.Range == m.Range)))
                    .Concat(carried).OrderBy(m => m.Range.Start).ThenBy(m => m.Range.Length).ToList();
            }
            var attributes = new SentenceAttributes(document, sentence, amounts);
            // The backers' clauses go first: they tell whose round each clause is about, which the patterns' topic then follows.
            found.AddRange(FindBackers(document, sentence, mentions, round, attributes));
            found.AddRange(FindInSentence(document, sentence, mentions, carried, chain, leading, round, eitherWay, yielding, words, attributes, calledOff));
            found.AddRange(clauseTriggers.Find(document, sentence, mentions));
            if (!readAhead) leading.Read(named, chain.TopicsOfClauses);
        }
        var asserted = yielding.Without(pastJoins.WithPosts(document, DropReversed(document, calledOff.Without(found))));
        asserted = FoundersOfTheBought.AtTheirCompanies(FoundersPosts.AtFoundedCompanies(asserted));
        document.Relations.AddRange(LiftToOwners(document, OrientedByTheArticle(asserted, eitherWay)));
    }

    /// <summary>
    /// The mentions patterns have slots for, by where they start; mentions starting together keep the article's order.
    /// Sorted by insertion into one list: a sentence has few mentions, and this runs for every sentence.
    /// </summary>
    private static List<Mention> SlottableInTextOrder(IEnumerable<Mention> inSentence)
    {
        var mentions = new List<Mention>();
        foreach (var mention in inSentence)
        {
            if (Kind(mention.Type) == '\0') continue;
            var at = mentions.Count;
            while (at > 0 && mentions[at - 1].Range.Start > mention.Range.Start) at--;
            mentions.Insert(at, mention);
        }
        return mentions;
    }

    /// <summary>
    /// A candidate read from a pattern that does not tell the direction (「A与B签署授权协议」) gives way to one of the
    /// same type and pair read the other way round, which a pattern that tells it found elsewhere in the article; else
    /// it is turned round when only its object is a subject of that type elsewhere (「Nuvia持有Arm的架构授权，而高通
    /// 也与Arm签有另一份许可协议」: Arm is the one that licenses).
    /// </summary>
    private static List<RelationCandidate> OrientedByTheArticle(List<RelationCandidate> candidates, HashSet<RelationCandidate> eitherWay)
    {
        if (eitherWay.Count == 0) return candidates;
        var directedCandidates = candidates.Where(c => !eitherWay.Contains(c)).ToList();
        var directed = directedCandidates.Select(c => (c.Type, c.Subject, c.Object)).ToHashSet();
        var subjects = directedCandidates.Select(c => (c.Type, c.Subject)).ToHashSet();
        return candidates.Where(c => !(eitherWay.Contains(c) && directed.Contains((c.Type, c.Object, c.Subject))))
            .Select(c => eitherWay.Contains(c) && subjects.Contains((c.Type, c.Object)) && !subjects.Contains((c.Type, c.Subject))
                ? c with { Subject = c.Object, Object = c.Subject }
                : c)
            .ToList();
    }

    /// <summary>
    /// Rivalry stated between products is rivalry between their makers: a candidate whose arguments are products
    /// where organizations are wanted takes the products' owners, known from the article (DEVELOPS, a product named
    /// after its maker) or the lexicon.
    /// </summary>
    private IEnumerable<RelationCandidate> LiftToOwners(Document document, List<RelationCandidate> candidates)
    {
        var owners = new Dictionary<EntityCluster, EntityCluster>();
        var byLexiconId = new Dictionary<string, EntityCluster>(StringComparer.Ordinal);
        foreach (var entity in document.Entities.Where(e => e.LexiconId is not null)) byLexiconId.TryAdd(entity.LexiconId!, entity);
        foreach (var product in document.Entities.Where(e => e.LexiconId is not null))
        {
            var ownerId = lexicon.ById(product.LexiconId!)?.Owner;
            var owner = ownerId is null ? null : byLexiconId.GetValueOrDefault(ownerId);
            if (owner is not null) owners[product] = owner;
        }
        foreach (var (product, named) in MakerNames.ProductsNamedAfterMakers(document)) owners.TryAdd(product, named.Maker);
        foreach (var develops in candidates.Where(c => c.Type == "DEVELOPS")) owners[develops.Object] = develops.Subject;

        foreach (var candidate in candidates)
        {
            var definition = ontology.RelationType(candidate.Type);
            if (definition.Accepts(candidate.Subject.Type, candidate.Object.Type))
            {
                yield return candidate;
                continue;
            }
            var subject = definition.Subject.Contains(candidate.Subject.Type) ? candidate.Subject : owners.GetValueOrDefault(candidate.Subject);
            var @object = definition.Object.Contains(candidate.Object.Type) ? candidate.Object : owners.GetValueOrDefault(candidate.Object);
            if (subject is null || @object is null || subject == @object || !definition.Accepts(subject.Type, @object.Type)) continue;
            yield return candidate with { Subject = subject, Object = @object };
        }
    }

    private IEnumerable<(RelationCandidate, int, bool)> FindInSentence(Document document, Sentence sentence, List<Mention> mentions,
        List<Mention> carried, ClauseTopics.Chain chain, LeadingOrganization leading, BackerClauses.RoundOwner round,
        HashSet<RelationCandidate> eitherWay, YieldingCandidates yielding, PatternWords.Occurrences words, SentenceAttributes attributes,
        CalledOffDeals calledOff)
    {
        var alone = mentions.Count < 2;
        var (slotted, positions) = Slot(document, sentence, mentions, carried);
        var kinds = mentions.Aggregate(0, (bits, m) => bits | RelationPattern.KindBit(Kind(m.Type)));
        var sentenceText = document.Slice(sentence.Range.Start, sentence.Range.End);
        words.Fill(sentenceText, slotted);
        for (var index = words.NextCandidate(-1); index >= 0; index = words.NextCandidate(index))
        {
            var pattern = _patterns[index];
            if (alone && !pattern.ObjectIsTopic) continue;
            if ((pattern.NeededKindBits & ~kinds) != 0 || !_patternWords.Passes(index, words, out var latestStart)) continue;
            var matches = Matches(pattern, slotted, latestStart);
            for (var matchIndex = 0; matchIndex < matches.Count; matchIndex++)
            {
                var match = matches[matchIndex];
                var evidenceStart = positions[match.Index];
                var evidenceEnd = positions[match.Index + match.Length];
                // A noun phrase (谷歌的Gemini) presupposes what it says, whatever the sentence speculates about around it.
                var presupposed = pattern.Settings.ContainsKey("nominal") && !cues.IsDeniedWithin(Span(document, evidenceStart, evidenceEnd));
                var uncertain = cues.IsUncertain(Span(document, sentence.Range.Start, evidenceEnd), sentenceText, evidenceStart - sentence.Range.Start);
                if (!presupposed && uncertain || cues.IsNegated(Span(document, evidenceStart, evidenceEnd))) continue;
                if (cues.IsDeniedInClause(Clause(document, sentence, evidenceStart, evidenceEnd)))
                {
                    if (!pattern.ObjectIsTopic) calledOff.Add(pattern.Type, MentionsIn(match.Groups["s"], mentions), MentionsIn(match.Groups["o"], mentions));
                    continue;
                }
                var plan = cues.IsPlan(Span(document, evidenceStart, evidenceEnd)) || cues.IsPlan(ClauseBefore(document, sentence, evidenceStart));
                var objects = (pattern.ObjectIsTopic ? TopicAsObject(document, chain, round, evidenceStart, pattern.Type, sentence, leading) : MentionsIn(match.Groups["o"], mentions)).ToList();
                foreach (var (subject, named) in RespectivePairs.Of(slotted, match, MentionsIn(match.Groups["s"], mentions).ToList(), objects))
                {
                    // 本轮融资 stands for the company whose round the clause is about; a pattern for it names no other company.
                    var namesRound = named.IsAnaphor && backerClauses.NamesRound(document.Text, named.Range);
                    if (pattern.Settings.ContainsKey("round-object") && !namesRound) continue;
                    var @object = namesRound && pattern.Type == "INVESTED_IN" && round.CompanyAt(named.Range.Start) is { } roundCompany ? roundCompany : named;
                    // A carried topic stands for the clause's own subject: a gap that steps over other names could hand it another clause's predicate.
                    if (pattern.StepsOverMentions && (carried.Contains(subject) || carried.Contains(@object))) continue;
                    if (ReachedAcrossClause(match, slotted, mentions, carried, subject) || ReachedAcrossClause(match, slotted, mentions, carried, @object)) continue;
                    // Nor is it the company of a round that another name raised: a recognised one (英伟达参投的Perplexity完成了…融资，
                    // 由软银领投), or one the recogniser missed (本轮由A领投 with no round raised before).
                    if (pattern.Type == "INVESTED_IN" && (carried.Contains(@object) || @object.IsAnaphor) && round.CompanyAt(subject.Range.Start) is var roundOwner
                        && (roundOwner is null ? round.IsUnownedRoundAt(subject.Range.Start) : carried.Contains(@object) && roundOwner.Entity != @object.Entity)) continue;
                    // What a noun phrase presupposes is what it names; an organization guessed for a gap in it is not named.
                    if (uncertain && (subject.IsAnaphor || @object.IsAnaphor)) continue;
                    if (Build(document, sentence, pattern, match, subject, @object, mentions, evidenceStart, evidenceEnd, attributes) is { } built)
                    {
                        var candidate = WithRoundFacts(document, sentence, round, evidenceStart, built);
                        if (pattern.Settings.ContainsKey("either-way")) eitherWay.Add(candidate);
                        if (pattern.Settings.TryGetValue("yields", out var strongerType)) yielding.Add(candidate, strongerType);
                        yield return (candidate, evidenceStart, plan);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A carried topic is the subject of the clause it opens: a match that began in an earlier clause does not make it
    /// the object of a verb there (「谷歌已同意向Anthropic投资最多20亿美元：先期投入5亿美元」 is no investment in 谷歌 by Anthropic).
    /// </summary>
    private static bool ReachedAcrossClause(System.Text.RegularExpressions.Match match, string slotted, List<Mention> mentions, List<Mention> carried,
        Mention mention)
    {
        if (!carried.Contains(mention)) return false;
        var slot = slotted.IndexOf($"{CarriedSlotOpening}{Kind(mention.Type)}{mentions.IndexOf(mention)}{CarriedSlotClosing}", match.Index, match.Length, StringComparison.Ordinal);
        return slot > match.Index && slotted.AsSpan(match.Index, slot - match.Index).IndexOfAny(SentenceClauses.Breaks) >= 0;
    }

    /// <summary>Backers the clause fallback finds, under the same assertion rules as the patterns' matches.</summary>
    private IEnumerable<(RelationCandidate, int, bool)> FindBackers(Document document, Sentence sentence, List<Mention> mentions, BackerClauses.RoundOwner round,
        SentenceAttributes sentenceAttributes)
    {
        var findings = backerClauses.Find(document, sentence, mentions, round);
        if (findings.Count == 0) yield break;
        var sentenceText = document.Slice(sentence.Range.Start, sentence.Range.End);
        var definition = ontology.RelationType("INVESTED_IN");
        foreach (var finding in findings)
        {
            var (subject, @object) = (finding.Backer, finding.Company);
            if (subject.Entity is not { } backer || @object.Entity is not { } company || backer == company || !definition.Accepts(backer.Type, company.Type)) continue;
            var evidenceStart = finding.ClauseStart;
            var evidenceEnd = finding.TriggerEnd;
            if (cues.IsUncertain(Span(document, sentence.Range.Start, evidenceEnd), sentenceText, evidenceStart - sentence.Range.Start)
                || cues.IsNegated(Span(document, evidenceStart, evidenceEnd))
                || cues.IsDeniedInClause(Span(document, finding.ClauseStart, finding.ClauseEnd))) continue;
            var plan = cues.IsPlan(Span(document, evidenceStart, evidenceEnd));
            var attributes = Attributes(document, definition, null, null, finding.Lead, subject, evidenceStart, evidenceEnd, sentenceAttributes);
            var confidence = BackerClauseConfidence * (@object.IsAnaphor ? AnaphorPenalty : 1.0);
            var candidate = new RelationCandidate(definition.Name, backer, company, Math.Round(confidence, 3), sentence, attributes);
            yield return (WithRoundFacts(document, sentence, round, evidenceStart, candidate), evidenceStart, plan);
        }
    }

    /// <summary>
    /// A backer of a round raised in an earlier sentence (…宣布完成1.01亿美元种子轮融资。本轮融资由Coatue领投) takes the
    /// round's amount, name and date from there where its own sentence gives none: co-investors share the round's total.
    /// The date is one written up to the raising clause's end; a later clause may date an earlier round (约为今年3月E轮融资时…).
    /// </summary>
    private RelationCandidate WithRoundFacts(Document document, Sentence sentence, BackerClauses.RoundOwner round, int evidenceStart, RelationCandidate candidate)
    {
        if (candidate.Type != "INVESTED_IN" || round.RaisedIn is not { } raised || raised == sentence
            || round.CompanyAt(evidenceStart)?.Entity != candidate.Object) return candidate;
        var own = candidate.Attributes;
        var facts = Attributes(document, ontology.RelationType("INVESTED_IN"), null, null, false, round.CompanyAt(evidenceStart)!,
            round.RaisingClause.Start, raised.Range.End, new SentenceAttributes(document, raised, amounts));
        var date = DateResolver.FindAll(document.Text, raised.Range.Start, round.RaisingClause.End, document.Article.PublishedAt).FirstOrDefault()?.Iso;
        return candidate with
        {
            Attributes = own with
            {
                Amount = own.Amount ?? facts.Amount,
                Currency = own.Amount is null ? facts.Currency : own.Currency,
                Round = own.Round ?? facts.Round,
                Date = own.Date ?? date,
            },
        };
    }

    /// <summary>
    /// The topic of the clause a match begins in, as the object of a clause that names none (only an organization is
    /// a deal's object); backers of a round invest in the company whose round the clause is about. A person's post or founding stated without its organization (董事长为X, 联合创始人还包括Y) is at
    /// the organization this sentence is about, or else the one the article is about: a topic carried in from before
    /// may be an organization the text only passed through.
    /// </summary>
    private IEnumerable<Mention> TopicAsObject(Document document, ClauseTopics.Chain chain, BackerClauses.RoundOwner round, int position, string type, Sentence sentence,
        LeadingOrganization leading)
    {
        var roundOwner = type == "INVESTED_IN" ? round.CompanyAt(position) : null;
        if (type == "INVESTED_IN" && roundOwner is null && round.IsUnownedRoundAt(position)) yield break;
        var topic = roundOwner ?? chain.TopicAt(position);
        if (!IsAboutPeople(type))
        {
            if (topic is { Type: "Organization", Entity: not null }) yield return topic;
            // A chain that last went on about a person (他离开英伟达，回国创办了摩尔线程。公司股东包括A、B) leaves an organization's
            // deal to the organization the article is about, named before this point.
            else if (topic is { Type: "Person" } && leading.Current is { Type: "Organization", Entity: not null } led
                     && (led.Sentence != sentence.Index || led.Range.Start < position)) yield return led;
            yield break;
        }
        // A clause of titles (首席执行官为A，首席科学家为B) ends the chain of topics, not the sentence's: an organization
        // an earlier clause of the sentence named as its topic (Reka由…创立) still holds the posts.
        var namedHere = chain.NamedTopicUpTo(position, sentence.Index);
        // An item of a round-up about a company no mention names holds its own posts: none of the companies named before.
        if (namedHere is null && topic is null && chain.UnnamedItem) yield break;
        // The article's organization read ahead from this very sentence, after the post, is where the person was before
        // (创始人兼CEO A曾在寒武纪担任…), not the company whose post it is.
        var lead = leading.Current is { } current && current.Sentence == sentence.Index && current.Range.Start > position ? null : leading.Current;
        // A paragraph that turns to another company by name (上海的穹彻智能则走了另一条路线。创始人卢策吾…) is about it, not about the
        // one the article led with, which the paragraph does not name.
        var turnedTo = topic is { Type: "Organization", Entity: { } topicEntity } && lead?.Entity is { } leader && leader != topicEntity
                       && NamedInParagraph(document, sentence.Paragraph, topicEntity, position) && !NamedInParagraph(document, sentence.Paragraph, leader, position)
            ? topic
            : null;
        if ((namedHere ?? turnedTo ?? lead ?? topic) is { Type: "Organization", Entity: not null } organization
            && (namedHere is not null || !IsAnotherListItem(document, sentence, organization.Entity))) yield return organization;
    }

    /// <summary>The entity is named, not pointed back to, in the paragraph before the position.</summary>
    private static bool NamedInParagraph(Document document, int paragraph, EntityCluster entity, int position) =>
        entity.Mentions.Any(m => !m.IsAnaphor && m.Sentence >= 0 && m.Range.Start < position && document.Sentences[m.Sentence].Paragraph == paragraph);

    /// <summary>
    /// True when the sentence is in an item of a list or round-up (a paragraph opened by 1. or •) that never names the
    /// organization: a founder or a post stated there without its company (「2. 傲意信息获得A轮投资。创始人黄冠…」, the
    /// company unrecognised) is at that item's company, not at the one an earlier item or the article led with.
    /// </summary>
    private static bool IsAnotherListItem(Document document, Sentence sentence, EntityCluster organization)
    {
        var paragraph = document.Paragraphs[sentence.Paragraph];
        if (!Normalisation.ListItemMarker.StartsAt(document.Text, paragraph.Start)) return false;
        return !document.Mentions.Any(m => m.Entity == organization && !m.IsAnaphor && m.Sentence >= 0
                                           && document.Sentences[m.Sentence].Paragraph == sentence.Paragraph);
    }

    private bool IsAboutPeople(string type) => ontology.RelationType(type).Subject is ["Person"];

    /// <summary>
    /// Every match, overlapping ones included: from each start, the objects already found are masked and the
    /// pattern tried again, so that one subject reaches every object it relates to. A pattern that runs too long on
    /// a sentence is given up for it. Most calls find nothing, so the list is made at the first match.
    /// </summary>
    /// <remarks>No match starts after <paramref name="latestStart"/>: the pattern's required words would not all follow it.</remarks>
    private static IReadOnlyList<System.Text.RegularExpressions.Match> Matches(RelationPattern pattern, string slotted, int latestStart)
    {
        List<System.Text.RegularExpressions.Match>? matches = null;
        try
        {
            if (pattern.OpeningKinds.Length > 0)
            {
                for (var slot = slotted.IndexOfAny(SlotOpenings); slot >= 0 && slot <= latestStart; slot = slotted.IndexOfAny(SlotOpenings, slot + 1))
                {
                    if (slot + 1 >= slotted.Length || !pattern.OpeningKinds.Contains(slotted[slot + 1])) continue;
                    var match = pattern.Regex.Match(slotted, slot);
                    if (match.Success) AddWithFurtherObjects(pattern, slotted, match, matches ??= []);
                }
            }
            else
            {
                for (var match = pattern.Regex.Match(slotted); match.Success; match = pattern.Regex.Match(slotted, match.Index + 1))
                {
                    AddWithFurtherObjects(pattern, slotted, match, matches ??= []);
                    if (match.Index + 1 > latestStart) break;
                }
            }
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
        }
        return (IReadOnlyList<System.Text.RegularExpressions.Match>?)matches ?? [];
    }

    private static void AddWithFurtherObjects(RelationPattern pattern, string slotted, System.Text.RegularExpressions.Match match,
        List<System.Text.RegularExpressions.Match> matches)
    {
        matches.Add(match);
        var masked = slotted;
        for (var retry = match; retry.Success && retry.Index == match.Index && retry.Groups["o"].Success && matches.Count < 1000; )
        {
            masked = MaskObjects(masked, retry.Groups["o"]);
            retry = pattern.Regex.Match(masked, match.Index);
            if (retry.Success && retry.Index == match.Index) matches.Add(retry);
        }
    }

    private static string MaskObjects(string slotted, System.Text.RegularExpressions.Group objects) =>
        string.Create(slotted.Length, (slotted, objects), static (chars, state) =>
        {
            state.slotted.AsSpan().CopyTo(chars);
            foreach (System.Text.RegularExpressions.Capture capture in state.objects.Captures)
            {
                for (var i = capture.Index; i < capture.Index + capture.Length - 1; i++)
                {
                    if (chars[i] is '<' or CarriedSlotOpening) chars[i + 1] = 'X';
                }
            }
        });

    private RelationCandidate? Build(Document document, Sentence sentence, RelationPattern pattern, System.Text.RegularExpressions.Match match,
        Mention subject, Mention @object, List<Mention> mentions, int evidenceStart, int evidenceEnd, SentenceAttributes sentenceAttributes)
    {
        if (subject.Entity is not { } subjectEntity || @object.Entity is not { } objectEntity || subjectEntity == objectEntity) return null;
        var definition = ontology.RelationType(pattern.Type);
        if (!pattern.Settings.ContainsKey("lift") && !definition.Accepts(subjectEntity.Type, objectEntity.Type)) return null;
        var confidence = pattern.Confidence * (subject.IsAnaphor || @object.IsAnaphor ? AnaphorPenalty : 1.0);
        var role = definition.Attributes.Contains("role") && match.Groups["r"].Success ? match.Groups["r"].Value : null;
        var product = definition.Attributes.Contains("product") ? MentionsIn(match.Groups["p"], mentions).FirstOrDefault()?.Entity?.Name : null;
        var attributes = Attributes(document, definition, role, product, pattern.Settings.ContainsKey("lead"), subject, evidenceStart, evidenceEnd, sentenceAttributes);
        return new RelationCandidate(pattern.Type, subjectEntity, objectEntity, Math.Round(confidence, 3), sentence, attributes)
        {
            ObjectLeftOut = IsLeftOut(@object, mentions),
            ObjectGuessed = @object.IsAnaphor || pattern.ObjectIsTopic,
        };
    }

    /// <summary>
    /// An organization the sentence does not name: a gap or 公司 alone stands for it, and no mention of the sentence names it.
    /// </summary>
    private static bool IsLeftOut(Mention @object, List<Mention> mentions) =>
        @object.IsAnaphor && (@object.Range.Length == 0 || @object.Text == "公司")
        && !mentions.Any(m => !m.IsAnaphor && m.Entity == @object.Entity);

    private static RelationAttributes Attributes(Document document, RelationTypeDefinition definition, string? role, string? product,
        bool leads, Mention subject, int evidenceStart, int evidenceEnd, SentenceAttributes sentence)
    {
        var allowed = definition.Attributes;
        decimal? amount = null;
        string? currency = null;
        if (DealTypes.Contains(definition.Name))
        {
            var money = sentence.Amounts
                .Where(a => !IsValuation(document.Text, a.Start))
                .OrderBy(a => a.Start >= evidenceStart ? 0 : 1)
                .ThenBy(a => Math.Abs(a.Start - evidenceStart))
                .FirstOrDefault();
            amount = money?.Value;
            currency = money?.Currency;
        }
        string? round = allowed.Contains("round") ? sentence.Round : null;
        bool? lead = null;
        if (allowed.Contains("lead"))
        {
            lead = leads || LeadsAfter(Span(document, subject.Range.End, Math.Max(subject.Range.End, evidenceEnd))) ? true : null;
        }
        var date = allowed.Contains("date") ? sentence.Date : null;
        return new RelationAttributes(role, amount, currency, round, lead, date, product);
    }

    /// <summary>领投 after the investor, before any 跟投 or 参投 (which would make it a follower).</summary>
    private static bool LeadsAfter(ReadOnlySpan<char> text)
    {
        var lead = text.IndexOf("领投", StringComparison.Ordinal);
        if (lead < 0) return false;
        var follow = text.IndexOfAny(['跟', '参']);
        return follow < 0 || follow > lead;
    }

    /// <summary>How far before an amount a word making it a valuation or a total may stand (累计融资已超过10亿美元).</summary>
    private const int ValuationReach = 8;

    private static bool IsValuation(string text, int amountStart)
    {
        var from = Math.Max(0, amountStart - ValuationReach);
        var clauseBreak = text.LastIndexOfAny(['，', ',', '；', '。'], Math.Max(0, amountStart - 1), amountStart - from);
        if (clauseBreak >= from) from = clauseBreak + 1;
        var before = text.AsSpan(from, amountStart - from);
        foreach (var word in ValuationWords)
        {
            if (before.Contains(word, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static readonly string[] ValuationWords = LanguageData.EmbeddedWords.List("relations/valuation-words.txt");

    /// <summary>
    /// Plans stated before a reversal in the same paragraph did not happen; the reversal's own clause stands. A clause
    /// saying a deal or a move fell through cancels, before it, the deals in its paragraph with a party it names
    /// (CoreWeave宣布收购Core Scientific…Core Scientific的股东投票否决了这笔交易), and its sentence cancels the plans
    /// anywhere before whose two parties it names (…将加入微软。最终，奥特曼重返OpenAI，加入微软的计划随之落空).
    /// </summary>
    private IEnumerable<(RelationCandidate Candidate, int EvidenceStart, bool Plan)> DropReversed(Document document,
        List<(RelationCandidate Candidate, int EvidenceStart, bool Plan)> found)
    {
        var lastReversal = new Dictionary<int, int>();
        var dealReversals = new List<DealReversal>();
        ILookup<int, Mention>? bySentence = null;
        foreach (var sentence in document.Sentences)
        {
            var text = Span(document, sentence.Range.Start, sentence.Range.End);
            var at = cues.ReversalAt(text);
            if (at >= 0) lastReversal[sentence.Paragraph] = Math.Max(lastReversal.GetValueOrDefault(sentence.Paragraph, int.MinValue), sentence.Range.Start + at);
            var dealAt = cues.DealReversalAt(text);
            if (dealAt < 0) continue;
            bySentence ??= document.Mentions.Where(m => m.Entity is not null && m.Sentence >= 0).ToLookup(m => m.Sentence);
            var position = sentence.Range.Start + dealAt;
            var clauseStart = position - ClauseBefore(document, sentence, position).Length;
            var clauseEnd = text[dealAt..].IndexOfAny(SentenceClauses.Breaks) is var next and >= 0 ? position + next : sentence.Range.End;
            var mentions = bySentence[sentence.Index].ToList();
            dealReversals.Add(new DealReversal(position, sentence.Paragraph, mentions.Select(m => m.Entity!).ToHashSet(),
                mentions.Where(m => m.Range.Start >= clauseStart && m.Range.Start < clauseEnd).Select(m => m.Entity!).ToHashSet()));
        }
        return found.Where(f => !(f.Plan && lastReversal.TryGetValue(f.Candidate.Sentence.Paragraph, out var reversal) && reversal > f.EvidenceStart)
                                && !dealReversals.Any(r => r.Position > f.EvidenceStart && r.Cancels(f.Candidate, f.Plan)));
    }

    private sealed record DealReversal(int Position, int Paragraph, HashSet<EntityCluster> InSentence, HashSet<EntityCluster> InClause)
    {
        public bool Cancels(RelationCandidate candidate, bool plan) =>
            candidate.Sentence.Paragraph == Paragraph && DealTypes.Contains(candidate.Type) && (InClause.Contains(candidate.Subject) || InClause.Contains(candidate.Object))
            || plan && InSentence.Contains(candidate.Subject) && InSentence.Contains(candidate.Object);
    }

    /// <summary>The evidence with the rest of the clauses it begins and ends in.</summary>
    private static ReadOnlySpan<char> Clause(Document document, Sentence sentence, int start, int end)
    {
        var clauseStart = start - ClauseBefore(document, sentence, start).Length;
        while (end < sentence.Range.End && document.Text[end] is not ('，' or ',')) end++;
        return Span(document, clauseStart, end);
    }

    private static ReadOnlySpan<char> ClauseBefore(Document document, Sentence sentence, int position)
    {
        var start = position;
        while (start > sentence.Range.Start && document.Text[start - 1] is not ('，' or ',')) start--;
        return Span(document, start, position);
    }

    /// <summary>Text the cues only read: a view of the document, not a copy.</summary>
    private static ReadOnlySpan<char> Span(Document document, int start, int end) => document.Text.AsSpan(start, end - start);

    private static IEnumerable<Mention> MentionsIn(System.Text.RegularExpressions.Group group, List<Mention> mentions)
    {
        if (!group.Success) yield break;
        foreach (System.Text.RegularExpressions.Capture capture in group.Captures)
        {
            var value = capture.Value;
            for (var i = value.IndexOfAny(SlotOpenings); i >= 0; i = value.IndexOfAny(SlotOpenings, i + 1))
            {
                var close = value.IndexOfAny(SlotClosings, i);
                if (close > i + 2 && int.TryParse(value.AsSpan(i + 2, close - i - 2), out var index) && index < mentions.Count)
                    yield return mentions[index];
            }
        }
    }

    /// <summary>
    /// The sentence with every mention replaced by its slot, and for every character of it the position in the
    /// document text it stands for (a slot stands for its mention's start; one more entry for the end).
    /// </summary>
    private static (string Slotted, int[] Positions) Slot(Document document, Sentence sentence, List<Mention> mentions, List<Mention> carried)
    {
        var builder = new StringBuilder(sentence.Range.Length + mentions.Count * 4);
        var positions = new List<int>(sentence.Range.Length + mentions.Count * 4 + 1);
        var cursor = sentence.Range.Start;
        for (var index = 0; index < mentions.Count; index++)
        {
            var mention = mentions[index];
            var groupGoesOn = carried.Contains(mention) && index + 1 < mentions.Count && mentions[index + 1].Range == mention.Range && carried.Contains(mentions[index + 1]);
            if (index > 0 && mention.Range == mentions[index - 1].Range && mention.IsAnaphor)
            {
                // The items a plural anaphor stands for are a list (A、B、C), not parties acting together (A和B).
                var joint = mention.StandsForListItem ? '、' : '和';
                var member = carried.Contains(mention) ? $"{joint}{CarriedSlotOpening}{Kind(mention.Type)}{index}{CarriedSlotClosing}" : $"{joint}<{Kind(mention.Type)}{index}>";
                builder.Append(member);
                positions.AddRange(Enumerable.Repeat(Math.Max(mention.Range.Start, mention.Range.End - 1), member.Length));
                // The mark follows the last of a group carried in (四人 → ⟨P3⟩和⟨P4⟩和⟨P5⟩), so that the group is one list.
                if (carried.Contains(mention) && !groupGoesOn)
                {
                    builder.Append(CarriedTopicMark);
                    positions.Add(mention.Range.Start);
                }
                continue;
            }
            if (mention.Range.Start < cursor) continue;
            if (IsModifierOf(mention, index + 1 < mentions.Count ? mentions[index + 1] : null)) continue;
            for (; cursor < mention.Range.Start; cursor++)
            {
                builder.Append(document.Text[cursor] switch { '<' => '‹', '>' => '›', var c => c });
                positions.Add(cursor);
            }
            var slotStart = builder.Length;
            if (carried.Contains(mention)) builder.Append(CarriedSlotOpening).Append(Kind(mention.Type)).Append(index).Append(CarriedSlotClosing);
            else builder.Append('<').Append(Kind(mention.Type)).Append(index).Append('>');
            for (var i = slotStart; i < builder.Length - 1; i++) positions.Add(mention.Range.Start);
            positions.Add(mention.Range.End - 1);
            if (carried.Contains(mention) && !groupGoesOn)
            {
                builder.Append(CarriedTopicMark);
                positions.Add(mention.Range.Start);
            }
            cursor = SkipParenthetical(document.Text, mentions, index, sentence.Range.End);
        }
        for (; cursor < sentence.Range.End; cursor++)
        {
            builder.Append(document.Text[cursor] switch { '<' => '‹', '>' => '›', var c => c });
            positions.Add(cursor);
        }
        positions.Add(sentence.Range.End);
        return (builder.ToString(), positions.ToArray());
    }

    /// <summary>An organization written right before another one names its parent (谷歌DeepMind): the slot is the second.</summary>
    private static bool IsModifierOf(Mention mention, Mention? next) =>
        next is not null && mention.Type == "Organization" && next.Type == "Organization" && next.Range.Start == mention.Range.End;

    /// <summary>
    /// A bracket right after a name gives its other spelling (达里奥·阿莫代伊（Dario Amodei）); patterns skip it. A person's bracket
    /// that names an organization gives the person's post there (黄仁勋（英伟达创始人兼首席执行官）) and stays for the patterns.
    /// </summary>
    private static int SkipParenthetical(string text, List<Mention> mentions, int namedIndex, int sentenceEnd)
    {
        var named = mentions[namedIndex];
        var position = named.Range.End;
        if (position >= sentenceEnd || text[position] is not ('（' or '(')) return position;
        var close = text.IndexOfAny(['）', ')'], position + 1, Math.Min(60, sentenceEnd - position - 1));
        if (close <= position) return position;
        return named.Type == "Person" && NamesOrganizationBefore(mentions, namedIndex + 1, close) ? position : close + 1;
    }

    private static bool NamesOrganizationBefore(List<Mention> mentions, int from, int end)
    {
        for (var index = from; index < mentions.Count && mentions[index].Range.Start < end; index++)
            if (mentions[index].Type == "Organization") return true;
        return false;
    }

    private static char Kind(string type) => type switch
    {
        "Person" => 'P',
        "Organization" => 'O',
        "Product" => 'R',
        _ => '\0',
    };
}
