using System.Text;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

// The sentence as the patterns read it: every mention replaced by its slot (<O3>, ⟨O3⟩ for a carried topic), and the
// mentions a matched group's slots stand for.
public sealed partial class RelationExtractor
{
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
}
