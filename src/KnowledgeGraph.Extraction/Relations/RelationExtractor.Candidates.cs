using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Relations;

// A candidate built from a match or a backer's clause, with its attributes (amount, round, lead, date, role, product).
public sealed partial class RelationExtractor
{
    private RelationCandidate? Build(Document document, Sentence sentence, RelationPattern pattern, System.Text.RegularExpressions.Match match,
        Mention subject, Mention @object, List<Mention> mentions, int evidenceStart, int evidenceEnd, SentenceAttributes sentenceAttributes)
    {
        if (subject.Entity is not { } subjectEntity || @object.Entity is not { } objectEntity || subjectEntity == objectEntity) return null;
        var definition = ontology.RelationType(pattern.Type);
        if (!pattern.Settings.ContainsKey("lift") && !definition.Accepts(subjectEntity.Type, objectEntity.Type)) return null;
        if (PutsModelIntoHostTheWrongWay(pattern, match, subjectEntity, objectEntity)) return null;
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
    /// A model goes into the app, platform or cloud it is put on (GPT-5已接入Copilot; R1上线Foundry): the host's owner uses
    /// it, not the model's maker the host. A pattern whose user may be named by its product (setting host=VERBS, the verbs
    /// of putting in) does not read a model as the user where one of those verbs joins it to an object that is no model
    /// (a vertical model taking in a general one, 携程问道接入DeepSeek-R1, is the user); a pattern reading
    /// the model as what goes in (setting guest) takes no model as the host, nor a product of another kind (an app, a
    /// chip) as the guest, nor a product of no known kind (an app 上架 a store, a device 接入 an app's model: no use by the
    /// host's owner). Kinds are the lexicon's.
    /// </summary>
    private bool PutsModelIntoHostTheWrongWay(RelationPattern pattern, System.Text.RegularExpressions.Match match,
        EntityCluster subject, EntityCluster @object)
    {
        if (pattern.Settings.TryGetValue("host", out var verbs))
        {
            return KindOf(subject) == ModelKind && KindOf(@object) != ModelKind
                   && verbs.Split('|').Any(verb => match.Value.Contains(verb, StringComparison.Ordinal));
        }
        if (pattern.Settings.ContainsKey("guest"))
        {
            return KindOf(subject) == ModelKind || KindOf(@object) != ModelKind;
        }
        return false;
    }

    private const string ModelKind = "model";

    private string? KindOf(EntityCluster entity) =>
        entity.Type == "Product" && entity.LexiconId is { } id ? lexicon.ById(id)?.Kind : null;

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

    /// <summary>Below every INVESTED_IN pattern: the clause fallback reads less of the sentence than they do.</summary>
    private const double BackerClauseConfidence = 0.7;

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
}
