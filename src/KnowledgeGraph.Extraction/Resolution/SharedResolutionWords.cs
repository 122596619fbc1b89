using KnowledgeGraph.Extraction.LanguageData;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// Word lists of resolution/ that more than one stage reads (recognition, resolution and relations), read once when the
/// pipeline is built.
/// </summary>
public sealed class SharedResolutionWords(LanguageResources resources)
{
    /// <summary>Verbs of leaving a post or a company (resolution/leave-verbs.txt).</summary>
    public IReadOnlyList<string> LeaveVerbs { get; } = Trimmed(resources, "resolution/leave-verbs.txt");

    /// <summary>Words that describe a person after their name (resolution/person-describers.txt).</summary>
    public IReadOnlyList<string> PersonDescribers { get; } = Trimmed(resources, "resolution/person-describers.txt");

    /// <summary>Endings of names of what is no company: 大学, 研究院 (resolution/non-company-endings.txt).</summary>
    public IReadOnlyList<string> NonCompanyEndings { get; } = Trimmed(resources, "resolution/non-company-endings.txt");

    private static string[] Trimmed(LanguageResources resources, string path) =>
        resources.Lines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
}
