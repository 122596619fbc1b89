using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

// What is settled once every sentence is read: plans and deals a later clause reverses, candidates whose direction
// the article tells, and products standing where their makers are meant.
public sealed partial class RelationExtractor
{
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

    /// <summary>
    /// A candidate read from a pattern that does not tell the direction (「A与B签署授权协议」) gives way to one of the
    /// same type and pair read the other way round, which a pattern that tells it found elsewhere in the article; else
    /// it is turned round when only its object is a subject of that type elsewhere (「Nuvia持有Arm的架构授权，而高通
    /// 也与Arm签有另一份许可协议」: Arm is the one that licenses). Where the article says nothing of the
    /// direction, a party the lexicon knows as a holder of content (a newspaper, a news agency: relations/licensor-kinds.txt)
    /// is the one that licenses, the other the one that takes its content (「OpenAI与美联社签署内容许可协议」).
    /// </summary>
    private List<RelationCandidate> OrientedByTheArticle(List<RelationCandidate> candidates, HashSet<RelationCandidate> eitherWay)
    {
        if (eitherWay.Count == 0) return candidates;
        var directedCandidates = candidates.Where(c => !eitherWay.Contains(c)).ToList();
        var directed = directedCandidates.Select(c => (c.Type, c.Subject, c.Object)).ToHashSet();
        var subjects = directedCandidates.Select(c => (c.Type, c.Subject)).ToHashSet();
        return candidates.Where(c => !(eitherWay.Contains(c) && directed.Contains((c.Type, c.Object, c.Subject))))
            .Select(c => eitherWay.Contains(c) && (subjects.Contains((c.Type, c.Object)) && !subjects.Contains((c.Type, c.Subject))
                    || !subjects.Contains((c.Type, c.Subject)) && !subjects.Contains((c.Type, c.Object)) && HoldsContent(c.Object) && !HoldsContent(c.Subject))
                ? c with { Subject = c.Object, Object = c.Subject }
                : c)
            .ToList();
    }

    private static readonly HashSet<string> LicensorKinds = LanguageData.EmbeddedWords.Set("relations/licensor-kinds.txt");

    private bool HoldsContent(EntityCluster entity) =>
        entity.LexiconId is { } id && lexicon.ById(id)?.Kind is { } kind && LicensorKinds.Contains(kind);

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
        foreach (var develops in candidates.Where(c => c.Type == "DEVELOPS" && c.Subject.Type != "Person"))
        {
            // A unit that builds its parent's product (HyperCLOVA X由Naver旗下的Naver Cloud主导开发) leaves the rivalry with
            // the parent, the company the text compares.
            if (owners.GetValueOrDefault(develops.Object) is { } parent && IsUnitOf(develops.Subject, parent, candidates)) continue;
            // Nor does a company the lexicon places outside the maker's family it knows (腾讯的元宝…，百度搜索也… read as 腾讯's
            // 百度搜索): ProductMakers drops that reading, and the product's use stays its maker's.
            if (IsOutsideKnownMaker(develops.Subject, develops.Object)) continue;
            owners[develops.Object] = develops.Subject;
        }

        foreach (var candidate in candidates)
        {
            var definition = ontology.RelationType(candidate.Type);
            if (definition.Accepts(candidate.Subject.Type, candidate.Object.Type))
            {
                yield return candidate;
                continue;
            }
            if (candidate.Type == "DEVELOPS" && candidate.Subject.Type == "Person")
            {
                // A product an organization is said to make is its own, whoever's team the sentence credits.
                if (!owners.ContainsKey(candidate.Object) && CompanyFoundedBy(candidate.Subject, candidate.Sentence.Index, candidates) is { } company)
                    yield return candidate with { Subject = company };
                continue;
            }
            var subject = definition.Subject.Contains(candidate.Subject.Type) ? candidate.Subject : owners.GetValueOrDefault(candidate.Subject);
            var @object = definition.Object.Contains(candidate.Object.Type) ? candidate.Object : owners.GetValueOrDefault(candidate.Object);
            if (subject is null || @object is null || subject == @object || !definition.Accepts(subject.Type, @object.Type)) continue;
            yield return candidate with { Subject = subject, Object = @object };
        }
    }

    private bool IsOutsideKnownMaker(EntityCluster organization, EntityCluster product) =>
        organization.LexiconId is { } organizationId && product.LexiconId is { } productId && lexicon.ById(productId)?.Owner is { } maker
        && !lexicon.AreOneFamily(organizationId, maker);

    private static bool IsUnitOf(EntityCluster unit, EntityCluster parent, List<RelationCandidate> candidates) =>
        candidates.Any(c => c.Type == "PART_OF" && c.Subject == unit && c.Object == parent);

    /// <summary>
    /// The company whose work a person's team does: the one the article has the person found (the latest named by then);
    /// none where the same sentence places the person at another organization (曾在FAIR工作，参与开发了PyTorch; 从谷歌加入
    /// 苹果，曾参与开发Lingvo), whose work it may be.
    /// </summary>
    private static EntityCluster? CompanyFoundedBy(EntityCluster person, int sentence, List<RelationCandidate> candidates)
    {
        if (candidates.Any(c => c.Type is "WORKS_FOR" or "JOINED" or "LEFT" && c.Subject == person && c.Sentence.Index == sentence)) return null;
        return candidates.Where(c => c.Type == "FOUNDED" && c.Subject == person)
            .OrderBy(c => c.Sentence.Index <= sentence ? 0 : 1).ThenByDescending(c => c.Sentence.Index <= sentence ? c.Sentence.Index : -c.Sentence.Index)
            .FirstOrDefault()?.Object;
    }
}
