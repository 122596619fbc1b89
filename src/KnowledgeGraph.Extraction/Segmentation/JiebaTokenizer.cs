using System.Text;
using JiebaNet.Segmenter;
using KnowledgeGraph.Extraction.Pipeline;
using Token = KnowledgeGraph.Extraction.Pipeline.Token;

namespace KnowledgeGraph.Extraction.Segmentation;

/// <summary>
/// Cuts each sentence into words with jieba.NET and tags them from the dictionary (jieba's own POS tagger is ten
/// times slower). Chinese runs go to jieba with its HMM for unknown words; Latin words, numbers and punctuation are
/// cut here. Lexicon names are added to jieba's dictionary so that 苏莱曼 or Mistral AI stay whole.
/// </summary>
public sealed class JiebaTokenizer : IPipelineStage
{
    private static readonly object InitialisationLock = new();
    private static JiebaSegmenter? _segmenter;
    private static Dictionary<string, string>? _tags;

    private readonly JiebaSegmenter _jieba;
    private readonly Dictionary<string, string> _dictionaryTags;

    public const int UserWordFrequency = 50_000;

    /// <param name="userWords">Words to keep whole, with the tag they get (nr person, nt organization, nz other name).</param>
    public JiebaTokenizer(IEnumerable<(string Word, string Tag)> userWords)
    {
        lock (InitialisationLock)
        {
            if (_segmenter is null)
            {
                var resources = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");
                ConfigManager.ConfigFileBaseDir = resources;
                _tags = LoadTags(Path.Combine(resources, "dict.txt"));
                _segmenter = new JiebaSegmenter();
            }
            foreach (var (word, tag) in userWords)
            {
                if (word.Length < 2 || !word.Any(IsHan)) continue;
                _segmenter.AddWord(word, UserWordFrequency, tag);
                _tags!.TryAdd(word, tag);
            }
            _jieba = _segmenter;
            _dictionaryTags = _tags!;
        }
    }

    /// <summary>The dictionary's tag of a word, or null when the dictionary does not know it.</summary>
    public string? DictionaryTag(string word) => _dictionaryTags.GetValueOrDefault(word);

    public void Process(Document document)
    {
        foreach (var sentence in document.Sentences)
        {
            sentence.FirstToken = document.Tokens.Count;
            Tokenize(document, sentence.Range);
            sentence.TokenCount = document.Tokens.Count - sentence.FirstToken;
        }
    }

    private void Tokenize(Document document, TextRange range)
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
                AddHanRun(document, i, runEnd);
            }
            else if (IsLatinOrDigit(c))
            {
                while (runEnd < range.End && (IsLatinOrDigit(text[runEnd]) || IsInnerWordMark(text, runEnd, range.End))) runEnd++;
                var word = text[i..runEnd];
                document.Tokens.Add(new Token(new TextRange(i, runEnd), word, IsNumber(word) ? "m" : "eng", true));
            }
            else if (!char.IsWhiteSpace(c))
            {
                document.Tokens.Add(new Token(new TextRange(i, runEnd), c.ToString(), "w", true));
            }
            i = runEnd;
        }
    }

    private void AddHanRun(Document document, int start, int end)
    {
        var position = start;
        foreach (var word in _jieba.Cut(document.Text[start..end], cutAll: false, hmm: true))
        {
            var wordStart = document.Text.IndexOf(word, position, end - position, StringComparison.Ordinal);
            if (wordStart < 0) continue;
            var known = _dictionaryTags.TryGetValue(word, out var tag);
            document.Tokens.Add(new Token(new TextRange(wordStart, wordStart + word.Length), word, tag ?? "x", known));
            position = wordStart + word.Length;
        }
    }

    private static bool IsNumber(string word) => word.All(c => char.IsDigit(c) || c is '.' or ',' or '-' or ':');

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '\u00B7' or '〇';

    private static bool IsLatinOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
                                                  || char.IsLetter(c) && c < '\u0250';

    /// <summary>Marks inside one Latin word: GPT-4o, Character.AI, Qwen2.5, AT&amp;T.</summary>
    private static bool IsInnerWordMark(string text, int index, int end) =>
        text[index] is '.' or '-' or '&' or '\'' or '+' or ':' && index + 1 < end && IsLatinOrDigit(text[index + 1]) && index > 0 && IsLatinOrDigit(text[index - 1]);

    private static Dictionary<string, string> LoadTags(string path)
    {
        var tags = new Dictionary<string, string>(360_000, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var first = line.IndexOf(' ');
            var last = line.LastIndexOf(' ');
            if (first <= 0 || last <= first) continue;
            tags[line[..first]] = line[(last + 1)..];
        }
        return tags;
    }
}
