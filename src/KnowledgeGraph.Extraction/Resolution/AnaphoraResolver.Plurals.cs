using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

// Anaphors that stand for more than one entity: 它们 (a list), 两人 (a pair of people), 双方 (two parties).
public sealed partial class AnaphoraResolver
{
    /// <summary>
    /// The entities of the list of names that ends nearest before a plural anaphor (华为昇腾、寒武纪、海光信息都在争夺…，燧原要与它们
    /// 正面竞争), in this sentence or the one before: items joined by list words, each perhaps written with its maker before
    /// it (华为昇腾, 科大讯飞的讯飞配音); the maker is the item then. Fewer than two items are no list, and none is meant.
    /// </summary>
    private List<Mention?> LastList(Document document, ILookup<int, Mention> byParagraph, Sentence sentence, int position, string type)
    {
        var before = byParagraph[sentence.Paragraph]
            .Where(m => m.Range.End <= position && m.Sentence >= sentence.Index - 1 && m.Type is "Organization" or "Product")
            .OrderBy(m => m.Range.Start)
            .ToList();
        var items = new List<Mention?>();
        Mention? later = null;
        for (var i = before.Count - 1; i >= 0; i--)
        {
            var mention = before[i];
            if (later is null)
            {
                if (mention.Type != type) continue;
                items.Add(mention);
                later = mention;
                continue;
            }
            if (mention.Range.End > later.Range.Start) continue;
            var gap = document.Slice(mention.Range.End, later.Range.Start);
            var makerOfItem = mention.Type == "Organization" && later.Type == "Product" && gap is "" or "的" or "旗下的" or "旗下";
            if (!makerOfItem && !_listJoints.Contains(gap)) break;
            if (mention.Type == type && items.All(item => item!.Entity != mention.Entity)) items.Add(mention);
            later = mention;
        }
        return items.Count >= 2 ? items : [];
    }

    /// <summary>
    /// 两人 after a sentence that names two people joined as one subject (A（…）和B（…）都在X门下读博; 他和帕尔马离开谷歌，与C共同创办了…)
    /// is that pair, not the last two named (the advisor X, or C met in a later clause): the first two people of the nearest
    /// sentence naming people before it, pronouns resolved so far included, written with nothing but 和, 与, 及 or 、 (and a
    /// bracketed spelling) between them. Null when that sentence joins no two people so.
    /// </summary>
    private static List<Mention?>? CoordinatedPair(Document document, ILookup<int, Mention> byParagraph, IReadOnlyList<Mention> resolved, Sentence sentence, int position)
    {
        var people = byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
            .Concat(resolved.Where(m => m.Type == "Person" && m.Entity is not null && Reaches(document, m, sentence)))
            .Where(m => m.Type == "Person" && m.Range.End <= position)
            .OrderBy(m => m.Range.Start)
            .ToList();
        if (people.Count < 2) return null;
        var nearest = people[^1].Sentence;
        var inSentence = people.Where(m => m.Sentence == nearest).ToList();
        for (var i = 1; i < inSentence.Count; i++)
        {
            var (first, second) = (inSentence[i - 1], inSentence[i]);
            if (first.Entity == second.Entity || second.Range.Start < first.Range.End) continue;
            return PairJoints.Contains(WithoutSpelling(document.Slice(first.Range.End, second.Range.Start))) ? [first, second] : null;
        }
        return null;
    }

    /// <summary>
    /// 另两人, 后两人, 其余两人 after a list of more people than they count (由A、B和C创立，A此前在DeepMind任研究员，另两人来自Meta): the
    /// list's people other than those named again since, the last ones of it where more are left; not the last two named (C and
    /// A again) nor the list's first pair. The list is the last one of this sentence or the one before, written with nothing but
    /// 和, 与, 及 or 、 (and a bracketed spelling) between its names. Null when there is none that long.
    /// </summary>
    private static List<Mention?>? RestOfPeopleList(Document document, ILookup<int, Mention> byParagraph, IReadOnlyList<Mention> resolved, Sentence sentence,
        int position, int count)
    {
        var people = byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
            .Concat(resolved.Where(m => m.Type == "Person" && m.Entity is not null && Reaches(document, m, sentence)))
            .Where(m => m.Type == "Person" && m.Range.End <= position && m.Sentence >= sentence.Index - 1)
            .OrderBy(m => m.Range.Start)
            .ToList();
        List<Mention>? list = null;
        var run = new List<Mention>();
        int runEnd = 0, listEnd = 0;
        foreach (var mention in people)
        {
            // The bracketed spelling of the name before (阿瑟·门施（Arthur Mensch）) is that name again.
            if (run.Count > 0 && mention.Range.Start >= runEnd && document.Slice(runEnd, mention.Range.Start) is "（" or "(")
            {
                runEnd = mention.Range.End;
                if (list == run) listEnd = runEnd;
                continue;
            }
            var joined = run.Count > 0 && run[^1].Sentence == mention.Sentence && mention.Range.Start >= runEnd
                         && run.All(m => m.Entity != mention.Entity)
                         && PairJoints.Contains(WithoutSpelling(document.Slice(runEnd, mention.Range.Start)));
            if (!joined) run = [];
            run.Add(mention);
            runEnd = mention.Range.End;
            if (run.Count > count) (list, listEnd) = (run, runEnd);
        }
        if (list is null) return null;
        var namedSince = people.Where(m => m.Range.Start >= listEnd).Select(m => m.Entity).ToHashSet();
        var rest = list.Where(m => !namedSince.Contains(m.Entity)).ToList();
        return rest.Count < count ? null : rest.Skip(rest.Count - count).ToList<Mention?>();
    }

    private static readonly HashSet<string> PairJoints = LanguageData.EmbeddedWords.Set("recognition/list-joiners.tsv", "anaphora-pairs");

    /// <summary>The gap between two names without a bracketed spelling of the first (（Robin Rombach）和 → 和).</summary>
    private static string WithoutSpelling(string gap)
    {
        gap = gap.TrimStart('）', ')');
        if (gap.Length > 0 && gap[0] is '（' or '(')
        {
            var close = gap.AsSpan().IndexOfAny('）', ')');
            if (close > 0) gap = gap[(close + 1)..];
        }
        return gap;
    }

    /// <summary>The last <paramref name="count"/> different entities named before a plural anaphor (两人), or none.</summary>
    private static List<Mention?> LastDistinct(Document document, ILookup<int, Mention> byParagraph, Sentence sentence, int position, string type, int count)
    {
        var chosen = new List<Mention?>();
        foreach (var mention in byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
                     .Where(m => m.Type == type && m.Range.End <= position).Reverse())
        {
            if (chosen.Any(c => c!.Entity == mention.Entity)) continue;
            chosen.Add(mention);
            if (chosen.Count == count) return chosen;
        }
        return [];
    }

    /// <summary>
    /// The two parties 双方 means: the pair the sentence joins before it (「软银集团与英伟达周二宣布，双方…」, 「A与B旗下的C宣布」
    /// gives A and C), or the only two the clause right before it names, or the only two it names before it, else the two organizations of the paragraph and the one before named most often so far, not the
    /// last two named in passing (a list of co-investors, a founder's former employer).
    /// </summary>
    private static List<Mention?> Parties(Document document, ILookup<int, Mention> byParagraph, Dictionary<EntityCluster, List<int>> namings,
        Sentence sentence, int position)
    {
        var inSentence = byParagraph[sentence.Paragraph].Where(m => m.Sentence == sentence.Index && m.Type == "Organization" && m.Range.End <= position).ToList();
        foreach (var first in inSentence)
        {
            if (first.Range.End >= document.Text.Length || document.Text[first.Range.End] is not ('与' or '和' or '同')) continue;
            var clauseEnd = first.Range.End;
            while (clauseEnd < position && document.Text[clauseEnd] is not ('，' or ',' or '；' or ';' or '：' or ':')) clauseEnd++;
            var second = inSentence.LastOrDefault(m => m.Range.Start > first.Range.End && m.Range.End <= clauseEnd);
            if (second is not null && second.Entity != first.Entity) return [first, second];
        }
        // The clause right before names two (微软的大单之后，…Nebius有望成为继CoreWeave之后的巨头，两家公司在…竞争): the pair it
        // just spoke of, not an organization named earlier in the sentence.
        var clauseBefore = position > sentence.Range.Start ? ClauseStart(document.Text, sentence.Range.Start, position - 1) : position;
        var named = inSentence.Where(m => m.Range.Start >= clauseBefore).GroupBy(m => m.Entity).Select(g => g.First()).ToList<Mention?>();
        if (named.Count == 2) return named;
        named = inSentence.GroupBy(m => m.Entity).Select(g => g.First()).ToList<Mention?>();
        if (named.Count == 2) return named;
        named = byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
            .Where(m => m.Type == "Organization" && m.Range.End <= position)
            .GroupBy(m => m.Entity!)
            .OrderByDescending(g => NamedBefore(namings, g.Key, position))
            .ThenByDescending(g => g.Max(m => m.Range.Start))
            .Select(g => g.Last())
            .Take(2)
            .ToList<Mention?>();
        return named.Count == 2 ? named : [];
    }
}
