using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

// The object of a pattern whose object is the clause's topic: a post, a founding or a deal stated without its organization.
public sealed partial class RelationExtractor
{
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
}
