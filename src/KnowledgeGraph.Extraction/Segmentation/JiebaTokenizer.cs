using System.Diagnostics.CodeAnalysis;
using KnowledgeGraph.Extraction.Pipeline;
using Token = KnowledgeGraph.Extraction.Pipeline.Token;

namespace KnowledgeGraph.Extraction.Segmentation;

/// <summary>
/// Cuts each sentence into words as jieba does and tags them from jieba's dictionary (jieba's own POS tagger is ten
/// times slower). Chinese runs go through the word graph of <see cref="WordGraphSegmenter"/>, with jieba's HMM for
/// unknown words; Latin words, numbers and punctuation are cut here. Lexicon names are added to the dictionary
/// so that 苏莱曼 or Mistral AI stay whole.
/// </summary>
public sealed class JiebaTokenizer : IPipelineStage
{
    private static readonly object InitialisationLock = new();
    private static SegmenterDictionary? _sharedDictionary;
    private static HiddenMarkovSegmenter? _sharedModel;

    private readonly SegmenterDictionary _dictionary;
    private readonly WordGraphSegmenter _segmenter;

    public const int UserWordFrequency = 50_000;

    /// <param name="userWords">Words to keep whole, with the tag they get (nr person, nt organization, nz other name).</param>
    public JiebaTokenizer(IEnumerable<(string Word, string Tag)> userWords)
    {
        lock (InitialisationLock)
        {
            LoadSharedDictionaryLocked();
            foreach (var (word, tag) in userWords)
            {
                if (word.Length < 2 || !word.Any(IsHan)) continue;
                _sharedDictionary.AddWord(word, UserWordFrequency, tag);
            }
            _dictionary = _sharedDictionary;
            _segmenter = new WordGraphSegmenter(_dictionary, _sharedModel);
        }
    }

    /// <summary>
    /// Loads jieba's dictionary and model, shared by every tokenizer, unless they are loaded already. The pipeline
    /// calls it on another thread while it builds its other stages; a tokenizer built meanwhile waits for it.
    /// </summary>
    public static void LoadSharedDictionary()
    {
        lock (InitialisationLock) LoadSharedDictionaryLocked();
    }

    [MemberNotNull(nameof(_sharedDictionary), nameof(_sharedModel))]
    private static void LoadSharedDictionaryLocked()
    {
        if (_sharedDictionary is not null && _sharedModel is not null) return;
        var resources = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");
        _sharedDictionary = SegmenterDictionary.Load(Path.Combine(resources, "dict.txt"));
        _sharedModel = HiddenMarkovSegmenter.Load(resources);
    }

    /// <summary>The dictionary's tag of a word, or null when the dictionary does not know it.</summary>
    public string? DictionaryTag(string word) => _dictionary.TagOf(word);

    /// <summary>
    /// A word the dictionary knows but has hardly ever seen (光轮, 深言, 天枢): in news it is more often part of a
    /// young company's or a product's name than the rare common word it also is.
    /// </summary>
    /// <remarks>
    /// The dictionary counts some common technical words only tens of times (数据中心 32, 企业级 31): rare is a
    /// handful. Longer rare words are phrases (解决方案 3): only two characters, the length of a name's core, count.
    /// </remarks>
    public bool IsRareWord(string word) =>
        word.Length == 2 && _dictionary.Find(word) is var node and >= 0 && _dictionary.Frequency(node) is > 0 and <= RareWordFrequency;

    private const int RareWordFrequency = 5;

    /// <summary>
    /// A two-character word the dictionary knows no more than a few hundred times (征程 108, 蜂鸟 25, 银河 346), unlike the
    /// everyday words that describe things (部署 3333, 语言 7647, 国际 24601): a coined name may be made of it.
    /// </summary>
    public bool IsUncommonWord(string word) =>
        word.Length == 2 && _dictionary.Find(word) is var node and >= 0 && _dictionary.Frequency(node) is > 0 and <= UncommonWordFrequency;

    private const int UncommonWordFrequency = 400;

    public void Process(Document document)
    {
        var words = new WordStrings(_dictionary);
        foreach (var sentence in document.Sentences)
        {
            sentence.FirstToken = document.Tokens.Count;
            Tokenize(document, sentence.Range, words);
            sentence.TokenCount = document.Tokens.Count - sentence.FirstToken;
        }
    }

    /// <summary>
    /// One string per distinct word of the article: a long article repeats a few thousand words millions of times,
    /// and a string per token was a large part of its memory. Words the dictionary has a node for take the node's
    /// string, shared by all articles.
    /// </summary>
    private sealed class WordStrings(SegmenterDictionary dictionary)
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        /// <summary>The words of the Chinese run being cut, one list for all the runs of the article.</summary>
        public List<(int Start, int End)> Cuts { get; } = [];

        /// <summary>The dictionary node of each word of <see cref="Cuts"/> that the cut reached, so that it is not looked up again.</summary>
        public List<int> CutNodes { get; } = [];

        public string Of(ReadOnlySpan<char> word)
        {
            var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(word, out var text)) lookup[word] = text = word.ToString();
            return text;
        }

        /// <summary>A Chinese word with its dictionary tag (null when unknown); <paramref name="node"/> is its node when the cut knew it.</summary>
        public (string Text, string? Tag) Tagged(ReadOnlySpan<char> word, int node)
        {
            if (node == WordGraphSegmenter.UnknownNode) node = dictionary.Find(word);
            return node >= 0 ? (dictionary.TextOf(node, word), dictionary.Tag(node)) : (Of(word), null);
        }
    }

    private void Tokenize(Document document, TextRange range, WordStrings words)
    {
        var text = document.Text;
        var i = range.Start;
        while (i < range.End)
        {
            var c = text[i];
            var runEnd = i + 1;
            if (IsHan(c))
            {
                while (runEnd < range.End && IsHan(text[runEnd])) runEnd++;
                AddHanRun(document, i, runEnd, words);
            }
            else if (IsLatinOrDigit(c))
            {
                while (runEnd < range.End && (IsLatinOrDigit(text[runEnd]) || IsInnerWordMark(text, runEnd, range.End))) runEnd++;
                var word = words.Of(text.AsSpan(i, runEnd - i));
                document.Tokens.Add(new Token(new TextRange(i, runEnd), word, IsNumber(word) ? "m" : "eng", true));
            }
            else if (!char.IsWhiteSpace(c))
            {
                document.Tokens.Add(new Token(new TextRange(i, runEnd), words.Of(text.AsSpan(i, 1)), "w", true));
            }
            i = runEnd;
        }
    }

    private void AddHanRun(Document document, int start, int end, WordStrings strings)
    {
        var words = strings.Cuts;
        var nodes = strings.CutNodes;
        words.Clear();
        nodes.Clear();
        _segmenter.Cut(document.Text, start, end, words, nodes);
        for (var index = 0; index < words.Count; index++)
        {
            var (wordStart, wordEnd) = words[index];
            var (word, tag) = strings.Tagged(document.Text.AsSpan(wordStart, wordEnd - wordStart), nodes[index]);
            document.Tokens.Add(new Token(new TextRange(wordStart, wordEnd), word, tag ?? "x", tag is not null));
        }
    }

    private static bool IsNumber(string word) => word.All(c => char.IsDigit(c) || c is '.' or ',' or '-' or ':');

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '\u00B7' or '〇';

    private static bool IsLatinOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
                                                  || char.IsLetter(c) && c < '\u0250';

    /// <summary>Marks inside one Latin word: GPT-4o, Character.AI, Qwen2.5, AT&amp;T.</summary>
    private static bool IsInnerWordMark(string text, int index, int end) =>
        text[index] is '.' or '-' or '&' or '\'' or '+' or ':' && index + 1 < end && IsLatinOrDigit(text[index + 1]) && index > 0 && IsLatinOrDigit(text[index - 1]);
}
