using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// A join told as done in a year the sentence writes out, before the article's year (吕程2017年加入图森, 他于1996年加入
/// 微软研究院) or told among other steps (曾任…教授，后来加入DeepMind), is a step of a career: the person worked there, a
/// WORKS_FOR as well, without a role, unless the article already has one for the pair. A recent move (去年8月跳槽至,
/// 本月已加入, 今年4月吸纳了) is news of the join alone, and a planned one (将于2026年加入) says nothing about a post held.
/// A leave read from a title before a join (X首席技术官A加入Y) is no leave when the join is to the title's own
/// organization and the sentence has no verb of leaving (百度首席技术官王海峰1999年加入百度, but 从OpenAI跳槽至Anthropic，
/// 半年后又离开Anthropic).
/// </summary>
public sealed partial class PastJoins(LanguageResources resources, Resolution.SharedResolutionWords sharedWords)
{
    private readonly string[] _careerSteps = resources.Lines("resolution/career-steps.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private readonly IReadOnlyList<string> _leaveVerbs = sharedWords.LeaveVerbs;

    [GeneratedRegex(@"(?:19|20)\d{2}(?=\s*年)")]
    private static partial Regex WrittenYear();

    public List<RelationCandidate> WithPosts(Document document, IEnumerable<(RelationCandidate Candidate, int EvidenceStart, bool Plan)> found)
    {
        var kept = found.ToList();
        var candidates = kept.Select(f => f.Candidate).ToList();
        candidates.RemoveAll(c => c.Type == "LEFT" && candidates.Any(j => j.Type == "JOINED" && j.Sentence == c.Sentence && j.Subject == c.Subject && j.Object == c.Object)
                                  && !SaysLeaving(document, c.Sentence));
        foreach (var (join, _, plan) in kept)
        {
            if (join.Type != "JOINED" || plan || !IsCareerYear(document, join.Sentence) && !TellsCareerSteps(document, join.Sentence)) continue;
            if (candidates.Any(c => c.Type == "WORKS_FOR" && c.Subject == join.Subject && c.Object == join.Object)) continue;
            candidates.Add(join with { Type = "WORKS_FOR", Attributes = join.Attributes with { Date = null } });
        }
        return candidates;
    }

    /// <summary>The sentence tells the join as a step of a career (曾任利物浦大学教授，后来加入DeepMind).</summary>
    private bool TellsCareerSteps(Document document, Sentence sentence)
    {
        var text = document.Text.AsSpan(sentence.Range.Start, sentence.Range.Length);
        foreach (var step in _careerSteps)
        {
            if (text.Contains(step, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private bool SaysLeaving(Document document, Sentence sentence)
    {
        var text = document.Text.AsSpan(sentence.Range.Start, sentence.Range.Length);
        foreach (var verb in _leaveVerbs)
        {
            if (text.Contains(verb, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The sentence writes a year out, and every year it writes is before the article's.</summary>
    private static bool IsCareerYear(Document document, Sentence sentence)
    {
        var years = WrittenYear().Matches(document.Text[sentence.Range.Start..sentence.Range.End]);
        if (years.Count == 0) return false;
        var published = document.Article.PublishedAt?.Year ?? int.MaxValue;
        return years.All(y => int.Parse(y.Value, CultureInfo.InvariantCulture) < published);
    }
}
