using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Products named after a product noun (AI应用Pi, 大模型Kimi), in quotes or title marks after a launch verb
/// (发布《…》, 推出“…”), or by a proper name before a product noun (日日新大模型).
/// </summary>
public sealed class ProductNameRecogniser(RecognitionData data) : IPipelineStage
{
    private static readonly string[] LaunchVerbs = ["推出", "发布", "上线", "开源", "亮相", "升级", "打造", "研发"];

    private const int MaxQuotedLength = 20;

    public void Process(Document document)
    {
        foreach (var sentence in document.Sentences)
        {
            FindAfterProductNouns(document, sentence);
            FindQuotedAfterLaunch(document, sentence);
        }
    }

    private void FindAfterProductNouns(Document document, Sentence sentence)
    {
        var text = document.Text;
        var tokens = document.TokensOf(sentence).ToList();
        for (var t = 0; t + 1 < tokens.Count; t++)
        {
            var cue = RecognitionData.MatchEndingAt(data.ProductCues, text, tokens[t].Range.End);
            if (cue is null || !cue.Any(c => c > '\u2E80')) continue;
            var next = tokens[t + 1];
            if (next.Tag != "eng" || next.Range.Start - tokens[t].Range.End > 1) continue;
            var end = next.Range.End;
            for (var n = t + 2; n < tokens.Count && tokens[n].Tag is "eng" or "m" && tokens[n].Range.Start == end + 1 && text[end] == ' '; n++)
                end = tokens[n].Range.End;
            Add(document, sentence, next.Range.Start, end, 0.85);
        }
    }

    private void FindQuotedAfterLaunch(Document document, Sentence sentence)
    {
        var text = document.Text;
        foreach (var verb in LaunchVerbs)
        {
            for (var at = text.IndexOf(verb, sentence.Range.Start, sentence.Range.Length, StringComparison.Ordinal);
                 at >= 0 && at < sentence.Range.End;
                 at = text.IndexOf(verb, at + 1, sentence.Range.End - at - 1, StringComparison.Ordinal))
            {
                var open = at + verb.Length;
                while (open < sentence.Range.End && open - at - verb.Length < 8 && text[open] is not ('《' or '“' or '"' or '「')) open++;
                if (open >= sentence.Range.End || text[open] is not ('《' or '“' or '"' or '「')) continue;
                var closeChar = text[open] switch { '《' => '》', '“' => '”', '「' => '」', _ => '"' };
                var close = text.IndexOf(closeChar, open + 1, Math.Min(MaxQuotedLength, sentence.Range.End - open - 1));
                if (close > open + 1) Add(document, sentence, open + 1, close, 0.8);
            }
        }
    }

    private void Add(Document document, Sentence sentence, int start, int end, double confidence)
    {
        var surface = document.Slice(start, end);
        if (data.IsGeneric(surface) || data.EnglishStopwords.Contains(surface)) return;
        document.Mentions.Add(new Mention(new TextRange(start, end), surface, "Product", MentionSource.Pattern, confidence) { Sentence = sentence.Index });
    }
}
