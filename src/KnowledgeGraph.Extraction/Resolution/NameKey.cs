using System.Text;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>The form under which two spellings of a name count as the same: NFKC, lower case, no spaces or middle dots.</summary>
public static class NameKey
{
    public static string Of(string name)
    {
        var normalised = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (char.IsWhiteSpace(c) || c is '·' or '・' or '•' or '‧') continue;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
