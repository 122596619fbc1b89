namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>Whether the text between two recognised names only lists them together (百度、阿里; 商汤以及旷视).</summary>
internal static class ListJoints
{
    private static readonly string[] Joiners = LanguageData.EmbeddedWords.List("recognition/list-joiners.tsv", "side-by-side");

    /// <param name="between">The text from the end of one name to the start of the next; spaces around it do not count.</param>
    public static bool OnlyJoins(ReadOnlySpan<char> between)
    {
        var joint = between.Trim(' ');
        foreach (var joiner in Joiners)
        {
            if (joint.SequenceEqual(joiner)) return true;
        }
        return false;
    }
}
