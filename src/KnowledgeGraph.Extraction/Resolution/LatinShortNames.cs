using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// An organization the article names in full in Latin letters once (Lumora Photonics Group, Relayer.ai, Global
/// Infrastructure Partners) is called afterwards by its leading words (Lumora, Relayer) or by the initials of its words
/// (GIP), whatever tail the name had: news writes the full name once and the short one after. Only names the lexicon
/// does not know are read so (Amazon is never short for Amazon Web Services), and only where one full name in the
/// article fits the short one. A product named with its maker's name in front (Astribot S1, Kimi k1.5, 钉钉A1) is
/// likewise called by the rest of its name (S1, k1.5, A1).
/// </summary>
public static class LatinShortNames
{
    private const int MinLeadingLength = 3;
    private const int MinInitials = 2;
    private const int MaxInitials = 6;
    private const int MinCodeLength = 2;

    /// <summary>Each unknown Latin mention that is the short form of exactly one longer organization name of the article, with that name's mention.</summary>
    public static IEnumerable<(Mention Short, Mention Full)> Pairs(Document document)
    {
        var fullNames = document.Mentions
            .Where(m => !m.IsAnaphor && m.Type == "Organization" && IsLatin(m.Text) && (m.Text.Contains(' ') || m.Text.Contains('.')))
            .GroupBy(m => m.Text, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var products = document.Mentions.Where(m => !m.IsAnaphor && m.Type == "Product")
            .GroupBy(m => m.Text, StringComparer.Ordinal).Select(g => g.First()).ToList();
        foreach (var mention in document.Mentions)
        {
            if (mention.IsAnaphor || mention.LexiconId is not null || mention.Type is "Person" or "Location" || !IsLatin(mention.Text)) continue;
            var fits = fullNames.Where(full => full.Text != mention.Text && IsShortFormOf(mention.Text, full.Text)).ToList();
            if (fits.Count == 0 && mention.Type == "Product")
                fits = products.Where(full => full.Text != mention.Text && IsProductWithoutMaker(mention.Text, full.Text)).ToList();
            if (fits.Count == 1) yield return (mention, fits[0]);
        }
    }

    /// <summary>
    /// S1 of Astribot S1, k1.5 of Kimi k1.5, A1 of 钉钉A1: the longer name ends in the shorter one after a space or a
    /// Chinese name, and the shorter one is a model's code (letters with a digit), not a word.
    /// </summary>
    private static bool IsProductWithoutMaker(string shortName, string fullName)
    {
        if (shortName.Length < MinCodeLength || !shortName.Any(char.IsAsciiDigit) || fullName.Length < shortName.Length + MinCodeLength
            || !fullName.EndsWith(shortName, StringComparison.Ordinal))
            return false;
        var before = fullName[fullName.Length - shortName.Length - 1];
        return before == ' ' || HanCharacters.IsHan(before);
    }

    /// <summary>Lumora of Lumora Photonics Group, Relayer of Relayer.ai, GIP of Global Infrastructure Partners.</summary>
    private static bool IsShortFormOf(string shortName, string fullName)
    {
        if (shortName.Length >= MinLeadingLength && fullName.Length > shortName.Length + 1
            && fullName.StartsWith(shortName, StringComparison.Ordinal) && fullName[shortName.Length] is ' ' or '.')
            return true;
        return shortName.Length is >= MinInitials and <= MaxInitials && shortName.All(char.IsAsciiLetterUpper) && Initials(fullName) == shortName;
    }

    /// <summary>The first letters of the capitalised words of a name of two words or more (GIP), else nothing.</summary>
    private static string? Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < MinInitials) return null;
        return new string(words.Where(w => char.IsAsciiLetterUpper(w[0])).Select(w => w[0]).ToArray());
    }

    private static bool IsLatin(string text) => text.Length > 0 && char.IsAsciiLetter(text[0]) && text.All(c => c < '\u0250');
}
