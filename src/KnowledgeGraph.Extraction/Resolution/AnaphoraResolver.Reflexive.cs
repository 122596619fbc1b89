using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

// 其 as the possessive of its own clause's subject (Uber将在其平台上部署…).
public sealed partial class AnaphoraResolver
{
    /// <remarks>
    /// 其 right after a word of resolution/reflexive-coverbs.txt (在其, 把其, 用于其, 引入其) stands inside the predicate of its
    /// clause, as the place, the thing handled or the destination of what the subject does, and is the subject's own: in
    /// 「Uber将在其平台上部署…」, 「就在几个月前，Uber还宣布将在其平台上接入Cruise的无人车」 and 「LG AI研究院将首先把RNGD服务器用于其智能体」
    /// it is Uber's and LG's, not the company the paragraph is about nor a partner named before. The subject is the organization
    /// that opens the clause, or one with nothing but adverbs between it and the word (双方宣布G42将把其AI应用迁移到…). With no
    /// such subject in the clause (「A与B达成合作，将其模型用于…」) the rows of anaphora.tsv decide as before.
    /// </remarks>
    private Mention? ReflexiveSubject(Document document, ILookup<int, Mention> byParagraph, IReadOnlyList<Mention> resolved, Sentence sentence, TextRange anaphor, string anaphorText, string type)
    {
        if (type != "Organization" || anaphorText != ReflexivePronoun) return null;
        var coverb = _reflexiveCoverbs.FirstOrDefault(word => EndsAt(document.Text, anaphor.Start, word));
        if (coverb is null) return null;
        var clauseStart = ClauseStart(document.Text, sentence.Range.Start, anaphor.Start);
        var inClause = byParagraph[sentence.Paragraph].Concat(DescriptionsResolved(document, resolved, sentence, "Organization"))
            .Where(m => m.Sentence == sentence.Index && m.Range.Start >= clauseStart && m.Range.End <= anaphor.Start - coverb.Length && m.Type is "Organization" or "Person")
            .OrderBy(m => m.Range.Start)
            .ToList();
        if (inClause.Count == 0) return null;
        var subject = OpensClause(document, sentence, inClause[0].Range.Start) ? inClause[0]
            : OnlyAdverbsBetween(document, sentence, inClause[^1].Range.End, anaphor.Start - coverb.Length) ? inClause[^1]
            : null;
        return subject is { Type: "Organization" } && !IsPossessor(document, subject) ? subject : null;
    }

    private const string ReflexivePronoun = "其";

    /// <summary>Only adverbs and time words stand between the positions (G42将把其: 将).</summary>
    private static bool OnlyAdverbsBetween(Document document, Sentence sentence, int from, int to) =>
        document.TokensOf(sentence).Where(t => t.Range.Start >= from && t.Range.End <= to).All(t => t.Tag is "d" or "t" || string.IsNullOrWhiteSpace(t.Text));

    /// <summary>The organization owns what follows it (Meta的团队): it is not the clause's subject.</summary>
    private static bool IsPossessor(Document document, Mention mention) =>
        mention.Range.End < document.Text.Length && document.Text[mention.Range.End] == '的';
}
