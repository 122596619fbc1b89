using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// A bare surname before what people do or are called (郭表示, 李总) after the person was named in full: the
/// one person of the article with that surname, if there is exactly one. The words that may follow the surname are
/// resolution/surname-references.txt.
/// </summary>
public sealed class SurnameReferences(LanguageResources resources, Recognition.RecognitionData recognition)
{
    private readonly IReadOnlyList<string> _referenceWords = resources.Lines("resolution/surname-references.txt").Select(l => l.Trim()).ToList();

    /// <summary>The surname references of the document outside <paramref name="occupied"/>, which they are added to.</summary>
    public List<Mention> Find(Document document, System.Collections.BitArray occupied)
    {
        var found = new List<Mention>();
        var bySurname = document.Entities
            .Where(e => e.Type == "Person")
            .SelectMany(e => e.Mentions.Where(m => !m.IsAnaphor && IsChineseFullName(m.Text)).Select(m => (Surname: SurnameOf(m.Text), Mention: m)))
            .GroupBy(p => p.Surname)
            .Where(g => g.Select(p => p.Mention.Entity).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Mention.Range.Start).First().Mention);
        if (bySurname.Count == 0) return found;
        var text = document.Text;
        foreach (var sentence in document.Sentences)
        {
            for (var at = sentence.Range.Start; at < sentence.Range.End - 1; at++)
            {
                if (at > sentence.Range.Start && Segmentation.JiebaTokenizer.IsHan(text[at - 1]) || occupied[at]) continue;
                foreach (var (surname, named) in bySurname)
                {
                    var end = at + surname.Length;
                    if (named.Range.Start >= at || string.CompareOrdinal(text, at, surname, 0, surname.Length) != 0 || occupied[Math.Min(end, text.Length - 1)]) continue;
                    if (!_referenceWords.Any(w => string.CompareOrdinal(text, end, w, 0, w.Length) == 0)) continue;
                    for (var i = at; i < end; i++) occupied[i] = true;
                    found.Add(new Mention(new TextRange(at, end), surname, "Person", MentionSource.Anaphor, named.Confidence * 0.85)
                    {
                        Sentence = sentence.Index,
                        Entity = named.Entity,
                    });
                }
            }
        }
        return found;
    }

    private bool IsChineseFullName(string name) =>
        name.Length is >= 2 and <= 4 && name.All(c => c is >= '\u4E00' and <= '\u9FFF') && recognition.StartsWithSurname(name);

    private string SurnameOf(string name) => name.Length >= 3 && recognition.Surnames.Contains(name[..2]) ? name[..2] : name[..1];
}
