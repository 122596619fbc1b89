using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Normalisation;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// First-person words in speech stand for the speaker (我) or the speaker's organization (我们, 我们公司): in a quotation
/// whose speaker is named next to it with a verb of saying (张鹏表示：“我们…”; “我们…”汤雄超在接受采访时说), in a quotation
/// that goes on from the speaker's quotation in the paragraph before, in an interviewee's answer (答：…) and in a
/// turn opened by the speaker's name (林一舟：…). The interviewee is the person the title or the introduction names
/// first; a speaker's organization is the one written right before the speaker's title and name (清程极智CEO汤雄超),
/// for the interviewee else the organization the article names most. Questions stand for no one.
/// </summary>
public sealed class SpeakerReferences
{
    private readonly (Regex Word, string Type)[] _firstPerson;
    private readonly SpeechTurns _turns;
    private readonly string[] _speechVerbs;

    /// <summary>How far from its quotation a speaker and the verb of saying may stand (“…”清程极智CEO汤雄超在接受采访时说).</summary>
    private const int SpeakerReach = 24;

    /// <summary>How far before a person the organization describing them may stand (蓝鲸机器人创始人兼CEO周岚).</summary>
    private const int AffiliationReach = 12;

    public SpeakerReferences(LanguageResources resources, SpeechTurns turns)
    {
        _firstPerson = resources.Rows("resolution/first-person.tsv", 2)
            .Select(r => (new Regex(r[0].Trim(), RegexOptions.Compiled | RegexOptions.CultureInvariant), r[1].Trim()))
            .ToArray();
        _turns = turns;
        _speechVerbs = resources.Lines("resolution/speech-verbs.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
    }

    /// <param name="resolved">Anaphors resolved so far: a pronoun may name the speaker (他说：“我…”).</param>
    public List<Mention> Find(Document document, System.Collections.BitArray occupied, IReadOnlyList<Mention> resolved)
    {
        var found = new List<Mention>();
        var people = document.Mentions.Where(m => m.Type == "Person" && !m.IsAnaphor && m.Entity is not null && m.Sentence >= 0)
            .Concat(resolved.Where(m => m.Type == "Person" && m.Entity is not null && m.Range.Length > 0 && m.Sentence >= 0))
            .OrderBy(m => m.Range.Start)
            .ToList();
        if (people.Count == 0) return found;
        var organizations = document.Mentions.Where(m => m.Type == "Organization" && !m.IsAnaphor && m.Entity is not null)
            .OrderBy(m => m.Range.Start)
            .ToList();
        var affiliations = Affiliations(document.Text, people, organizations);
        var interviewee = people.FirstOrDefault(m => document.Sentences[m.Sentence].Paragraph <= 1);
        var mainCompany = organizations.GroupBy(m => m.Entity!).OrderByDescending(g => g.Count()).ThenBy(g => g.First().Range.Start)
            .Select(g => g.First()).FirstOrDefault();

        EntityCluster? CompanyOf(Mention speaker) =>
            affiliations.TryGetValue(speaker.Entity!, out var company) ? company
            : speaker.Entity == interviewee?.Entity ? mainCompany?.Entity : null;

        var text = document.Text;
        var turns = new List<(int Paragraph, int SpokenFrom, Mention Speaker, EntityCluster Company, bool Named)>();
        Mention? lastSpeaker = null;
        var lastSpeakerParagraph = int.MinValue;
        for (var p = 0; p < document.Paragraphs.Count; p++)
        {
            var paragraph = document.Paragraphs[p];
            var start = paragraph.Start + ListItemMarker.LengthAt(text, paragraph.Start);
            var (isTurn, isAnswer, turnSpeaker, spokenFrom) = Turn(text, start, paragraph.End, people);
            if (isTurn)
            {
                var speaker = isAnswer ? interviewee : turnSpeaker;
                if (speaker is null) continue;
                var company = CompanyOf(speaker);
                Resolve(document, occupied, found, new TextRange(spokenFrom, paragraph.End), speaker, company);
                if (company is not null) turns.Add((p, spokenFrom, speaker, company, !isAnswer));
                continue;
            }
            foreach (var quote in Quotations(text, paragraph))
            {
                var speaker = SpeakerBefore(text, people, paragraph, quote) ?? SpeakerAfter(text, people, paragraph, quote)
                              ?? (lastSpeakerParagraph >= p - 1 ? lastSpeaker : null);
                if (speaker is null) continue;
                lastSpeaker = speaker;
                lastSpeakerParagraph = p;
                Resolve(document, occupied, found, quote, speaker, CompanyOf(speaker));
            }
        }
        KeepTurns(document, turns);
        return found;
    }

    /// <summary>
    /// The turns whose clauses take the speaker's organization as their topic: an answer's (答：), and a name's that
    /// opens more than one paragraph (顾捷：… ¶问：… ¶顾捷：…), not a heading that only looks like one (时空壶：把翻译耳机卖到…).
    /// </summary>
    private static void KeepTurns(Document document, List<(int Paragraph, int SpokenFrom, Mention Speaker, EntityCluster Company, bool Named)> turns)
    {
        foreach (var turn in turns)
        {
            if (turn.Named && turns.Count(t => t.Named && t.Speaker.Entity == turn.Speaker.Entity) < 2) continue;
            document.Turns[turn.Paragraph] = (turn.SpokenFrom, new Mention(new TextRange(turn.SpokenFrom, turn.SpokenFrom), "", "Organization", MentionSource.Anaphor, turn.Speaker.Confidence * 0.8)
            {
                Sentence = SentenceAt(document, turn.SpokenFrom),
                Entity = turn.Company,
            });
        }
    }

    private void Resolve(Document document, System.Collections.BitArray occupied, List<Mention> found, TextRange spoken, Mention speaker, EntityCluster? company)
    {
        var text = document.Text;
        foreach (var (word, type) in _firstPerson)
        {
            var entity = type == "Person" ? speaker.Entity : company;
            if (entity is null) continue;
            for (var match = word.Match(text, spoken.Start, spoken.Length); match.Success; match = match.NextMatch())
            {
                var range = new TextRange(match.Index, match.Index + match.Length);
                if (range.Length == 0 || Enumerable.Range(range.Start, range.Length).Any(i => occupied[i])) continue;
                for (var i = range.Start; i < range.End; i++) occupied[i] = true;
                found.Add(new Mention(range, match.Value, type, MentionSource.Anaphor, speaker.Confidence * 0.8)
                {
                    Sentence = SentenceAt(document, range.Start),
                    Entity = entity,
                });
            }
        }
    }

    /// <summary>
    /// Whether the paragraph opens a turn of an interview: with an answer's or a question's label (答：, 问：), or with a
    /// person's name before a colon (林一舟：); and where the spoken words start.
    /// </summary>
    private (bool IsTurn, bool IsAnswer, Mention? Speaker, int SpokenFrom) Turn(string text, int start, int end, List<Mention> people)
    {
        var (role, spokenFrom) = _turns.At(text, start, end);
        if (role != TurnRole.None) return (true, role == TurnRole.Answer, null, spokenFrom);
        var at = FirstStartingAtOrAfter(people, start);
        var named = at < people.Count && people[at].Range.Start == start ? people[at] : null;
        if (named is not null && named.Range.End < end && text[named.Range.End] is '：' or ':')
            return (true, false, named, named.Range.End + 1);
        return (false, false, null, start);
    }

    /// <summary>The insides of the paragraph's “…” quotations.</summary>
    private static IEnumerable<TextRange> Quotations(string text, TextRange paragraph)
    {
        var open = -1;
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            if (text[i] == '“') open = i;
            else if (text[i] == '”' && open >= 0)
            {
                yield return new TextRange(open + 1, i);
                open = -1;
            }
        }
    }

    /// <summary>The last person named before the quotation with a verb of saying between them (张鹏在会上表示：“…).</summary>
    private Mention? SpeakerBefore(string text, List<Mention> people, TextRange paragraph, TextRange quote)
    {
        var open = quote.Start - 1;
        var at = FirstStartingAtOrAfter(people, open) - 1;
        while (at >= 0 && people[at].Range.End > open) at--;
        var speaker = at >= 0 && people[at].Range.Start >= paragraph.Start ? people[at] : null;
        if (speaker is null || open - speaker.Range.End > SpeakerReach) return null;
        var between = text.AsSpan(speaker.Range.End, open - speaker.Range.End);
        return between.IndexOfAny("。”！？") < 0 && HasSpeechVerb(between) ? speaker : null;
    }

    /// <summary>The first person named after the quotation and before a verb of saying (“…”汤雄超在接受采访时说).</summary>
    private Mention? SpeakerAfter(string text, List<Mention> people, TextRange paragraph, TextRange quote)
    {
        var close = quote.End;
        var at = FirstStartingAtOrAfter(people, close + 1);
        var speaker = at < people.Count && people[at].Range.End <= paragraph.End ? people[at] : null;
        if (speaker is null || speaker.Range.Start - close > SpeakerReach) return null;
        if (text.AsSpan(close + 1, speaker.Range.Start - close - 1).IndexOfAny("。“！？") >= 0) return null;
        var after = text.AsSpan(speaker.Range.End, Math.Min(SpeakerReach, paragraph.End - speaker.Range.End));
        var sentenceEnd = after.IndexOfAny("。“！？，");
        return HasSpeechVerb(sentenceEnd >= 0 ? after[..sentenceEnd] : after) ? speaker : null;
    }

    private bool HasSpeechVerb(ReadOnlySpan<char> span)
    {
        foreach (var verb in _speechVerbs)
        {
            if (span.IndexOf(verb, StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// The organization each person is first described by: named right before the person's title and name in one
    /// clause (智谱CEO张鹏), not as a former employer (前商汤科技副总裁吕晨).
    /// </summary>
    private static Dictionary<EntityCluster, EntityCluster> Affiliations(string text, List<Mention> people, List<Mention> organizations)
    {
        var affiliations = new Dictionary<EntityCluster, EntityCluster>();
        var o = 0;
        foreach (var person in people.Where(m => !m.IsAnaphor))
        {
            while (o + 1 < organizations.Count && organizations[o + 1].Range.End <= person.Range.Start) o++;
            if (organizations.Count == 0 || affiliations.ContainsKey(person.Entity!)) continue;
            var organization = organizations[o];
            if (organization.Range.End > person.Range.Start || person.Range.Start - organization.Range.End > AffiliationReach) continue;
            var between = text.AsSpan(organization.Range.End, person.Range.Start - organization.Range.End);
            if (between.IndexOfAny("，,。；：:“”（）()") >= 0) continue;
            if (organization.Range.Start > 0 && text[organization.Range.Start - 1] is '前' or '原') continue;
            affiliations[person.Entity!] = organization.Entity!;
        }
        return affiliations;
    }

    /// <summary>The index of the first of the people (in text order) named at or after the position: a search, not a scan.</summary>
    private static int FirstStartingAtOrAfter(List<Mention> people, int position)
    {
        var (low, high) = (0, people.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (people[middle].Range.Start < position) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private static int SentenceAt(Document document, int position)
    {
        var (low, high) = (0, document.Sentences.Count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (document.Sentences[middle].Range.Start <= position) low = middle;
            else high = middle - 1;
        }
        return low;
    }
}
