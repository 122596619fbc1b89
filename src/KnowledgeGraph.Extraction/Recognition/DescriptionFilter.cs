namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Phrases that the recognisers took for a name of an organization or a product but that describe one: a phrase that
/// points back (这一事业部, 媒体称该公司), or a category written in Latin letters with an ending (FPGA公司,
/// FPGA老牌公司: a company of that kind, not one named so).
/// </summary>
public sealed class DescriptionFilter(RecognitionData data, IReadOnlyCollection<string> determiners)
{
    /// <summary>A kind and its ending stay short; a longer Chinese part names the company (AI Infra部 is a unit's name).</summary>
    private const int MaxKindPhraseLength = 4;

    public bool IsDescription(Pipeline.Mention mention)
    {
        if (mention.Source != Pipeline.MentionSource.Pattern || mention.Type is not ("Organization" or "Product")) return false;
        return determiners.Any(d => mention.Text.Contains(d, StringComparison.Ordinal)) || IsCategoryWithEnding(mention.Text);
    }

    private bool IsCategoryWithEnding(string name)
    {
        var latinEnd = 0;
        while (latinEnd < name.Length && (char.IsAsciiLetterOrDigit(name[latinEnd]) || name[latinEnd] == '-')) latinEnd++;
        if (latinEnd == 0 || latinEnd == name.Length || !data.EnglishStopwords.Contains(name[..latinEnd])) return false;
        var rest = name[latinEnd..];
        return rest.Length <= MaxKindPhraseLength && data.OrganizationSuffixes.Any(s => s.Length >= 2 && rest.EndsWith(s, StringComparison.Ordinal));
    }
}
