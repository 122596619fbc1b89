namespace KnowledgeGraph.Extraction.Pipeline;

/// <summary>
/// The characters names are written in: the CJK Unified Ideographs block, which holds every character of the
/// recognised names (the tokenizer's own test is broader, for segmentation).
/// </summary>
public static class HanCharacters
{
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
