using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Resolution;

// A maker's trade name with a Latin model name written right after it: one product, not the maker and another name.
public sealed partial class EntityResolver
{
    /// <summary>
    /// Chinese writers name a product by its maker's trade name and a Latin model name run together (镜界Air of 镜界科技,
    /// 晶衍AutoLab of 晶衍科技, 澄观-VL of 澄观智能): where the short form of a company the article names in full stands
    /// right before a capitalised Latin word, the two are that product, and the Latin word alone is no company. A title
    /// there (镜界CEO) is the post of the person who follows; a known name there (澄观Qwen) is that name.
    /// </summary>
    private void JoinModelNamesToMakers(Document document)
    {
        var text = document.Text;
        var fullNames = document.Mentions.Where(m => m is { Type: "Organization", LexiconId: null } && !m.IsAnaphor).Select(m => m.Text).ToHashSet(StringComparer.Ordinal);
        var makers = document.Mentions.Where(m => m is { Type: "Organization", LexiconId: null } && !m.IsAnaphor && m.Text.All(IsHan)
                                                  && fullNames.Any(f => f.Length > m.Text.Length && f.StartsWith(m.Text, StringComparison.Ordinal))).ToList();
        var joined = false;
        foreach (var maker in makers)
        {
            var modelStart = maker.Range.End < text.Length && text[maker.Range.End] == '-' ? maker.Range.End + 1 : maker.Range.End;
            if (modelStart >= text.Length || !char.IsAsciiLetterUpper(text[modelStart])) continue;
            var end = modelStart;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end])) end++;
            if (end - modelStart < MinModelNameLength || recognition.Titles.Contains(text[modelStart..end])) continue;
            var range = new TextRange(maker.Range.Start, end);
            var inside = document.Mentions.Where(m => m != maker && m.Range.Start < end && maker.Range.Start < m.Range.End).ToList();
            if (inside.Any(m => m.LexiconId is not null || m.Range.Start < maker.Range.Start || m.Range.End > end)) continue;
            document.Mentions.RemoveAll(m => m == maker || inside.Contains(m));
            document.Mentions.Add(new Mention(range, text[range.Start..range.End], "Product", MentionSource.Pattern, maker.Confidence) { Sentence = maker.Sentence });
            joined = true;
        }
        if (joined) document.Mentions.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
    }

    /// <summary>A single capital after a trade name is a round or a grade (澄观A轮), not a model.</summary>
    private const int MinModelNameLength = 2;
}
