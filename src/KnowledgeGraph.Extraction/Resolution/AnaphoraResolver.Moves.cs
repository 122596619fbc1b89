using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

// Companies a sentence says someone left, moved to or founded: they are not where a post or a founding left without its organization is held.
public sealed partial class AnaphoraResolver
{
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
}
