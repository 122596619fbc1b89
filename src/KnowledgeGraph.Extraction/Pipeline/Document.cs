using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Pipeline;

/// <summary>
/// The one object every stage reads and enriches, from the article as read to the relations it asserts.
/// Positions are UTF-16 indices into <see cref="Text"/>, the normalised text; <see cref="OriginalIndex"/> maps them
/// back to the article text, and only the output converts them to code points.
/// </summary>
public sealed class Document(Article article)
{
    public Article Article { get; } = article;
    public string Text { get; set; } = article.Text;
    /// <summary>Made only when no normaliser sets it: for a 20 MB article the identity map alone is 30 MB.</summary>
    public int[] OriginalIndex
    {
        get => _originalIndex ??= Enumerable.Range(0, Article.Text.Length + 1).ToArray();
        set => _originalIndex = value;
    }

    private int[]? _originalIndex;
    public List<TextRange> Paragraphs { get; } = [];

    /// <summary>
    /// Paragraphs, in order, that open an item of a list or round-up, or a section under a heading of its own: what
    /// the text said before one (its topic, the company whose round it was about, the names an anaphor may point
    /// back to) is not carried into it. Set by <see cref="Normalisation.ArticleItems"/>.
    /// </summary>
    public List<int> ItemStarts { get; } = [];

    /// <summary>An item starts after <paramref name="earlier"/> and no later than <paramref name="later"/>.</summary>
    public bool Separates(int earlier, int later)
    {
        if (later <= earlier || ItemStarts.Count == 0) return false;
        var index = ItemStarts.BinarySearch(earlier + 1);
        if (index < 0) index = ~index;
        return index < ItemStarts.Count && ItemStarts[index] <= later;
    }

    /// <summary>The paragraph before <paramref name="paragraph"/> when what it names may be pointed back to from there, else -1.</summary>
    public int ParagraphBefore(int paragraph) => paragraph > 0 && !Separates(paragraph - 1, paragraph) ? paragraph - 1 : -1;
    public List<Sentence> Sentences { get; } = [];
    public List<Token> Tokens { get; } = [];
    public List<Mention> Mentions { get; } = [];

    /// <summary>
    /// Latin names the article shows to be no entity's, found in recognition: a research work named by what it is
    /// (评测CLUE, ResNet的作者, MoCo、MAE等一系列工作). No other reading of the same name in the article is kept.
    /// </summary>
    public HashSet<string> NotNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Named organizations that back a round in their clause (由A领投), found in resolution: never what a text is about.</summary>
    public HashSet<Mention> Backers { get; } = [];

    /// <summary>
    /// Interview turns by paragraph, found in resolution: where the spoken words start (after 顾捷： or 答：) and the
    /// speaker's organization as a mention without text there. An answer leaves its subject out as 我们 would say it
    /// (本轮由A领投; 训练主要用的是A100): the clauses of the turn take the speaker's organization as their topic.
    /// </summary>
    public Dictionary<int, (int SpokenFrom, Mention Organization)> Turns { get; } = [];
    public List<EntityCluster> Entities { get; } = [];
    public List<RelationCandidate> Relations { get; } = [];

    public string Slice(int start, int end) => Text[start..end];

    public IEnumerable<Token> TokensOf(Sentence sentence) =>
        Tokens.Skip(sentence.FirstToken).Take(sentence.TokenCount);

    /// <summary>The sentence whose text holds <paramref name="position"/>, if one does.</summary>
    public Sentence? SentenceContaining(int position)
    {
        var (low, high) = (0, Sentences.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var range = Sentences[middle].Range;
            if (range.Contains(position)) return Sentences[middle];
            if (range.Start <= position) low = middle + 1;
            else high = middle - 1;
        }
        return null;
    }

    /// <summary>The token that starts exactly at <paramref name="start"/>, if one does.</summary>
    public Token? TokenStartingAt(int start)
    {
        var (low, high) = (0, Tokens.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (Tokens[middle].Range.Start == start) return Tokens[middle];
            if (Tokens[middle].Range.Start < start) low = middle + 1;
            else high = middle - 1;
        }
        return null;
    }
}

public readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;
    public bool Contains(int position) => position >= Start && position < End;
    public bool Overlaps(TextRange other) => Start < other.End && other.Start < End;
}

public sealed record Sentence(int Index, TextRange Range, int Paragraph)
{
    public int FirstToken { get; set; }
    public int TokenCount { get; set; }
}

/// <summary>A word from the segmenter; <see cref="InDictionary"/> is false for words the HMM guessed.</summary>
public sealed record Token(TextRange Range, string Text, string Tag, bool InDictionary);

public enum MentionSource { Lexicon, Pattern, Anaphor }

public sealed class Mention(TextRange range, string text, string type, MentionSource source, double confidence)
{
    public TextRange Range { get; } = range;
    public string Text { get; } = text;
    public string Type { get; set; } = type;
    public MentionSource Source { get; } = source;
    public double Confidence { get; } = confidence;
    public string? LexiconId { get; init; }
    public int Sentence { get; set; } = -1;
    public EntityCluster? Entity { get; set; }
    public bool IsAnaphor => Source == MentionSource.Anaphor;

    /// <summary>
    /// One of the items of a list a plural anaphor stands for (与它们竞争): unlike the parties 双方 stands for, the items
    /// are not thereby said to relate to each other.
    /// </summary>
    public bool StandsForListItem { get; init; }
}

/// <summary>All mentions of one real-world thing in the article.</summary>
public sealed class EntityCluster(string id, string type)
{
    public string Id { get; set; } = id;
    public string Type { get; } = type;
    public string Name { get; set; } = "";
    public string? ChineseName { get; set; }
    public string? LexiconId { get; init; }
    public List<Mention> Mentions { get; } = [];

    /// <summary>Named organizations that back a round in their clause (由A领投), found in resolution: never what a text is about.</summary>
    public HashSet<Mention> Backers { get; } = [];
    public SortedSet<string> KnownNames { get; } = new(StringComparer.Ordinal);
}

public sealed record RelationCandidate(
    string Type,
    EntityCluster Subject,
    EntityCluster Object,
    double Confidence,
    Sentence Sentence,
    KnowledgeGraph.Model.RelationAttributes Attributes)
{
    /// <summary>
    /// The object is an organization the sentence leaves out or calls 公司 (李飞飞出任CEO, 担任公司联席CEO) and names nowhere
    /// else: resolution guessed it from the text around, which a later pass may know better (FoundersPosts).
    /// </summary>
    public bool ObjectLeftOut { get; init; }

    /// <summary>
    /// The object is not named where the relation is stated: an anaphor (其创始人) or the topic of the text (，创始人A加盟) stands for it.
    /// </summary>
    public bool ObjectGuessed { get; init; }
}
