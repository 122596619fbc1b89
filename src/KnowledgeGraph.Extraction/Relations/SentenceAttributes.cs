using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// The amounts, funding round and date a sentence states, each read on first asking and then kept: every relation
/// the sentence yields takes its attributes from the same sentence, and a sentence listing ten backers used to be
/// searched ten times.
/// </summary>
internal sealed class SentenceAttributes(Document document, Sentence sentence, AmountParser amountParser)
{
    private IReadOnlyList<MoneyAmount>? _amounts;
    private (bool Read, string? Value) _round;
    private (bool Read, string? Value) _date;

    public IReadOnlyList<MoneyAmount> Amounts => _amounts ??= amountParser.FindAll(document.Text, sentence.Range.Start, sentence.Range.End);

    public string? Round
    {
        get
        {
            if (!_round.Read) _round = (true, FundingRound.Find(document.Slice(sentence.Range.Start, sentence.Range.End)));
            return _round.Value;
        }
    }

    /// <summary>The first date of the sentence, resolved against the publication date.</summary>
    public string? Date
    {
        get
        {
            if (!_date.Read)
                _date = (true, DateResolver.FindAll(document.Text, sentence.Range.Start, sentence.Range.End, document.Article.PublishedAt).FirstOrDefault()?.Iso);
            return _date.Value;
        }
    }
}
