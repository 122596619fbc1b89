namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Phrases that the recognisers took for a name of an organization or a product but that describe one: a phrase that
/// points back (这一事业部, 媒体称该公司), or a category written in Latin letters with an ending (FPGA公司,
/// FPGA老牌公司: a company of that kind, not one named so), or a kind counted or sorted by the word before it
/// (一家网络安全公司, 某中东主权基金, 国产智驾公司).
/// </summary>
public sealed class DescriptionFilter(RecognitionData data, IReadOnlyCollection<string> determiners, IEnumerable<string> kindOpeners)
{
    private readonly IReadOnlyList<string> _kindOpeners = kindOpeners.OrderByDescending(w => w.Length).ToList();

    /// <summary>A kind and its ending stay short; a longer Chinese part names the company (AI Infra部 is a unit's name).</summary>
    private const int MaxKindPhraseLength = 4;

    public bool IsDescription(Pipeline.Mention mention)
    {
        if (mention.Source != Pipeline.MentionSource.Pattern || mention.Type is not ("Organization" or "Product")) return false;
        return determiners.Any(d => mention.Text.Contains(d, StringComparison.Ordinal)) || IsCategoryWithEnding(mention.Text);
    }

    /// <summary>
    /// A phrase with an organization's ending right after a word that counts or sorts organizations (一家, 多家, 某,
    /// 一批, 国产: kind-openers.txt) is a kind of organization, not one's name: a name is introduced by 名为 or a
    /// kind noun, never counted. One read into the phrase (美国大量医院) makes it a kind as well.
    /// </summary>
    public bool IsCountedKind(string text, Pipeline.Mention mention) =>
        mention is { Source: Pipeline.MentionSource.Pattern, Type: "Organization" }
        && data.OrganizationSuffixes.Any(s => mention.Text.EndsWith(s, StringComparison.Ordinal))
        && (RecognitionData.MatchEndingAt(_kindOpeners, text, mention.Range.Start) is not null
            || _kindOpeners.Any(w => w.Length >= 2 && mention.Text.Contains(w, StringComparison.Ordinal)));

    private bool IsCategoryWithEnding(string name)
    {
        var latinEnd = 0;
        while (latinEnd < name.Length && (char.IsAsciiLetterOrDigit(name[latinEnd]) || name[latinEnd] == '-')) latinEnd++;
        if (latinEnd == 0 || latinEnd == name.Length || !data.EnglishStopwords.Contains(name[..latinEnd])) return false;
        var rest = name[latinEnd..];
        return rest.Length <= MaxKindPhraseLength && data.OrganizationSuffixes.Any(s => s.Length >= 2 && rest.EndsWith(s, StringComparison.Ordinal));
    }
}
