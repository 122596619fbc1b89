using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

// Where a mention stands in its clause and sentence: whether it is the subject or topic the text goes on about.
public sealed partial class AnaphoraResolver
{
    /// <summary>
    /// The mention is the first of a list (SiriusXM、ADT和Sonos都已部署了Sierra的智能体): several companies open the clause, and
    /// a 公司 or 该公司 after it goes on about one company, not the first of them.
    /// </summary>
    private static bool OpensList(Document document, Mention mention)
    {
        var next = mention.Range.End;
        while (next < document.Text.Length && document.Text[next] == ' ') next++;
        return next < document.Text.Length && document.Text[next] == '、';
    }

    /// <summary>
    /// A description or pronoun resolved before that opens a clause as its subject, in the anaphor's sentence or in an earlier
    /// one of its paragraph (这家总部位于广州的公司是…。它成立于2017年…。它与Uber合作…。在广州本地市场，它与…): the paragraph keeps
    /// talking about that company though it never names it, and a partner named in passing is not what the next 它 means.
    /// From an earlier sentence only for an anaphor of the topic (它, 该公司), not for 后者, the latter of two just named.
    /// </summary>
    private bool ContinuesSubject(Document document, Sentence sentence, Mention described, bool topical)
    {
        var own = document.Sentences[described.Sentence];
        return (described.Sentence == sentence.Index || topical && own.Paragraph == sentence.Paragraph) && OpensClause(document, own, described.Range.Start);
    }

    /// <summary>
    /// No organization or person is named in the clauses of the mention's sentence before its own (今年4月，X…; 据报道，X…):
    /// the mention is the subject the sentence starts with.
    /// </summary>
    private static bool LeadsSentence(Document document, ILookup<int, Mention> byParagraph, Mention mention)
    {
        var sentence = document.Sentences[mention.Sentence];
        var clauseStart = ClauseStart(document.Text, sentence.Range.Start, mention.Range.Start);
        return clauseStart == sentence.Range.Start
               || !byParagraph[sentence.Paragraph].Any(m => m.Sentence == mention.Sentence && m.Range.End <= clauseStart && m.Type is "Organization" or "Person");
    }

    /// <summary>
    /// The anaphor's own clause names the mention's entity again after it (地平线是佑驾的芯片供应商，其iPilot方案基于地平线征程系列芯片开发):
    /// a text would not call the same company 其 and then by its name in one clause, so 其 is another one.
    /// </summary>
    private static bool NamedAgainInClause(Document document, ILookup<int, Mention> byParagraph, Mention mention, int position)
    {
        var text = document.Text;
        var clauseEnd = text.AsSpan(position).IndexOfAny(ClauseOrSentenceBreaks);
        var end = clauseEnd < 0 ? text.Length : position + clauseEnd;
        return byParagraph[document.Sentences[mention.Sentence].Paragraph]
            .Any(m => m.Entity == mention.Entity && m.Range.Start >= position && m.Range.End <= end);
    }

    /// <summary>
    /// The mention stands in a clause of time that ends in 后 or 时 before the main clause (「去年Meta解散该团队后，他…」): its
    /// subject is not the one the paragraph's later sentences go on about (「公司同时发布了…」 is the company founded).
    /// </summary>
    private static bool InClauseOfTime(Document document, Mention mention)
    {
        var text = document.Text;
        var end = document.Sentences[mention.Sentence].Range.End;
        var next = text.AsSpan(mention.Range.End, end - mention.Range.End).IndexOfAny(ClauseOrSentenceBreaks);
        if (next <= 0) return false;
        var breakAt = mention.Range.End + next;
        return text[breakAt] is '，' or ',' && text[breakAt - 1] is '后' or '时';
    }

    /// <summary>
    /// The mention stands first in its clause, after nothing but time words and adverbs, and owns nothing after it
    /// (Meta的团队); or it closes the clause right before the anaphor's (「…创办了芯片公司Nervana，该公司…」).
    /// </summary>
    private bool IsTopical(Document document, Mention mention, int anaphorClause)
    {
        var sentence = document.Sentences[mention.Sentence];
        var text = document.Text;
        var next = mention.Range.End;
        while (next < text.Length && text[next] is '）' or ')' or ' ') next++;
        // Only within its sentence: a name closing the last clause of the sentence before (…、Redpoint Ventures和Bond，投前估值…。) is not
        // the subject of the next one.
        if (ClosesClauseBefore(text, next, anaphorClause)) return true;
        // So does a post held there (…此前是VR公司Oculus的创始人，该公司2014年被收购): the person's post names the company the anaphor
        // goes on about, however often the article names its own subject.
        if (PostAt(text, next, sentence.Range.End) is { } post && ClosesClauseBefore(text, next + post, anaphorClause)) return true;
        if (mention.Range.End < sentence.Range.End && text[mention.Range.End] == '的') return false;
        // So is a company the text has just said someone founded (…随后与前同事在美国联合创办了Lepton AI，做AI云的推理平台。两年后，
        // 这家公司被英伟达收购): in a paragraph about a person it is the company the paragraph goes on to, not a former employer named more often.
        if (FoundedRightBefore(text, mention.Range.Start)) return true;
        // An employer written before a person's title (清华大学教授朱军…) describes the person, who is the clause's subject.
        if (Recognition.RecognitionData.MatchStartingAt(_recognition.Titles, text, next, sentence.Range.End) is not null) return false;
        var start = IsFirstOfParagraph(document, sentence) ? PlaceStart(document, sentence, mention.Range.Start) : mention.Range.Start;
        for (var i = sentence.FirstToken + sentence.TokenCount - 1; i >= sentence.FirstToken; i--)
        {
            var token = document.Tokens[i];
            if (token.Range.Start >= start) continue;
            if (token.Text is "，" or "," or "；" or ";" or "：" or ":") return true;
            if (token.Tag is not ("t" or "d" or "c" or "m" or "q" or "w")) return false;
        }
        return true;
    }

    /// <summary>
    /// The tokens from <paramref name="from"/> to <paramref name="to"/> are a place and 的 (杭州的, 广州的): in a round-up of small
    /// companies a paragraph opens with where the next one is (杭州的声枢智能做的是…; 相比之下，成都的青稞数智还在等待), and the
    /// company still opens its clause as the subject the paragraph goes on about (这家公司推出的…, 创始人A…). Only in the
    /// paragraph's first sentence: later (…；法国的Mistral AI也在其助手中采用了FLUX模型。这家公司又推出了…) it is an aside.
    /// </summary>
    private static bool PlaceOfName(IReadOnlyList<Token> tokens, int from, int to) =>
        to - from >= 2 && tokens[to - 1].Text == "的" && AllPlaces(tokens, from, to - 1);

    private static bool IsFirstOfParagraph(Document document, Sentence sentence) =>
        sentence.Index == 0 || document.Sentences[sentence.Index - 1].Paragraph != sentence.Paragraph;

    /// <summary>Where a place and 的 written right before the position start (杭州的 before 声枢智能), else the position.</summary>
    private static int PlaceStart(Document document, Sentence sentence, int position)
    {
        var first = sentence.FirstToken;
        var i = first + sentence.TokenCount - 1;
        while (i >= first && document.Tokens[i].Range.Start >= position) i--;
        if (i <= first || document.Tokens[i].Text != "的" || document.Tokens[i].Range.End != position) return position;
        var start = position;
        for (i--; i >= first && document.Tokens[i].Tag == "ns"; i--) start = document.Tokens[i].Range.Start;
        return start;
    }

    private static bool AllPlaces(IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Tag != "ns") return false;
        }
        return true;
    }

    /// <summary>A comma (or a dash) at the position ends the clause right before the anaphor's.</summary>
    private static bool ClosesClauseBefore(string text, int position, int anaphorClause) =>
        position < anaphorClause && text[position] is '，' or ',' or '—'
        && text.AsSpan(position + 1, anaphorClause - position - 1).IndexOfAny(ClauseOrSentenceBreaks) < 0;

    /// <summary>
    /// How long the post written at the position with 的 is (的联合创始人, 的首席技术官), or null. Without 的 (曾任歌尔股份副总裁，
    /// 公司…; 均为Google DeepMind研究员，拉斯金现任CEO) the employer is a past one, not the company the text goes on about.
    /// </summary>
    private int? PostAt(string text, int position, int limit)
    {
        if (position >= limit || text[position] != '的') return null;
        var start = position + 1;
        var title = Recognition.RecognitionData.MatchStartingAt(_recognition.Titles, text, start, limit)
                    ?? _personDescribers.FirstOrDefault(word => start + word.Length <= limit && string.CompareOrdinal(text, start, word, 0, word.Length) == 0);
        return title is null ? null : start + title.Length - position;
    }

    /// <summary>
    /// Only time words, numbers, adverbs and conjunctions stand between the clause's start and the position, and
    /// perhaps a description of the name there (10月3日，AI芯片公司Cerebras…).
    /// </summary>
    private bool OpensClause(Document document, Sentence sentence, int position)
    {
        var clauseStart = ClauseStart(document.Text, sentence.Range.Start, position);
        var before = document.TokensOf(sentence).Where(t => t.Range.Start >= clauseStart && t.Range.End <= position).ToList();
        var opening = before.TakeWhile(t => t.Tag is "t" or "m" or "q" or "d" or "c" || string.IsNullOrWhiteSpace(t.Text)).Count();
        if (opening == before.Count || IsFirstOfParagraph(document, sentence) && PlaceOfName(before, opening, before.Count)) return true;
        return _descriptionHeads.Contains(before[^1].Text) && before.Skip(opening).All(t => t.Tag is "eng" or "a" or "b" or "j" or "vn" || t.Tag.StartsWith('n'));
    }
}
