using System.Text.RegularExpressions;

namespace KnowledgeGraph.Extraction.Pipeline;

/// <summary>
/// Words a text must contain for a regular expression to find anything in it, read from the expression once, so
/// that most sentences skip most expressions without a regex scan from every position. Unlike
/// <see cref="Relations.RequiredWords"/> it looks into lookarounds and alternations (every branch gives one word of a
/// joint set), since it says only whether the text may match, not where a match may start. Whatever the reading is
/// unsure of (classes, most escapes, negative lookarounds, inline options) adds nothing, so it never rejects a text
/// the expression matches; an expression it cannot read at all lets every text through. A word is searched for only
/// when the sentence's <see cref="CharacterSketch"/> holds all its letters: a multi-word search (Aho–Corasick for
/// Chinese text, where the vectorised ones do not apply) cost more than the bit tests.
/// </summary>
public sealed class LiteralPrefilter
{
    private readonly string[][] _requiredSets;

    private LiteralPrefilter(IEnumerable<string[]> requiredSets) => _requiredSets = requiredSets.ToArray();

    /// <summary>Sets of alternatives; the text must contain one word of every set.</summary>
    public IReadOnlyList<string[]> RequiredSets => _requiredSets;

    public static LiteralPrefilter Of(string pattern, RegexOptions options = RegexOptions.None)
    {
        if ((options & (RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)) != 0) return new([]);
        var reader = new Reader(pattern);
        var sets = reader.Alternation();
        return new(reader.Failed || reader.Position < pattern.Length ? [] : sets);
    }

    public bool MayMatch(ReadOnlySpan<char> text) => MayMatch(text, CharacterSketch.Of(text));

    /// <param name="sketch">The sketch of <paramref name="text"/>.</param>
    public bool MayMatch(ReadOnlySpan<char> text, CharacterSketch sketch)
    {
        foreach (var set in _requiredSets)
        {
            if (!ContainsOne(text, sketch, set)) return false;
        }
        return true;
    }

    private static bool ContainsOne(ReadOnlySpan<char> text, CharacterSketch sketch, string[] words)
    {
        foreach (var word in words)
        {
            if (sketch.MayContain(word) && text.Contains(word, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>A recursive reading of .NET's pattern syntax, only as deep as finding required literals needs.</summary>
    private sealed class Reader(string pattern)
    {
        private int _position;

        public int Position => _position;

        /// <summary>Set when the pattern uses something whose effect on literals is unknown here (inline options, comments).</summary>
        public bool Failed { get; private set; }

        /// <summary>branch|branch|…: one set joining one set of every branch, or nothing when some branch needs nothing.</summary>
        public List<string[]> Alternation()
        {
            var branches = new List<List<string[]>> { Sequence() };
            while (_position < pattern.Length && pattern[_position] == '|')
            {
                _position++;
                branches.Add(Sequence());
            }
            if (branches.Count == 1) return branches[0];
            if (branches.Any(b => b.Count == 0)) return [];
            return [branches.SelectMany(b => b[0]).Distinct(StringComparer.Ordinal).ToArray()];
        }

        private List<string[]> Sequence()
        {
            var required = new List<string[]>();
            var word = new System.Text.StringBuilder();
            while (_position < pattern.Length && pattern[_position] is not ('|' or ')') && !Failed)
            {
                var atom = Atom();
                var quantifier = Quantifier();
                if (atom.Literal is { } literal && quantifier != Repeat.Optional)
                {
                    word.Append(literal);
                    // ab+c: the text holds "ab" and "bc", never "abc" for certain, so a repeated letter ends the word.
                    if (quantifier == Repeat.AtLeastOnce) EndWord(word, required);
                    continue;
                }
                EndWord(word, required);
                if (atom.Required is { } sets && quantifier != Repeat.Optional) required.AddRange(sets);
            }
            EndWord(word, required);
            return required;
        }

        private static void EndWord(System.Text.StringBuilder word, List<string[]> required)
        {
            if (word.Length > 0) required.Add([word.ToString()]);
            word.Clear();
        }

        private (char? Literal, List<string[]>? Required) Atom()
        {
            var c = pattern[_position];
            switch (c)
            {
                case '\\':
                    return Escape();
                case '[':
                    SkipClass();
                    return (null, null);
                case '(':
                    return (null, Group());
                case '.' or '^' or '$':
                    _position++;
                    return (null, null);
                case '*' or '+' or '?':
                    // A quantifier with nothing before it: .NET refuses the pattern anyway.
                    Failed = true;
                    return (null, null);
                case '{':
                    // A brace that is no quantifier is a letter to .NET; read as unknown, which is always safe.
                    _position++;
                    return (null, null);
                default:
                    _position++;
                    return (c, null);
            }
        }

        private (char? Literal, List<string[]>? Required) Escape()
        {
            if (_position + 1 >= pattern.Length)
            {
                Failed = true;
                return (null, null);
            }
            var escaped = pattern[_position + 1];
            _position += 2;
            if (!char.IsLetterOrDigit(escaped)) return (escaped, null);
            switch (escaped)
            {
                case 'p' or 'P':
                    SkipPast('}');
                    break;
                case 'k':
                    SkipPast(_position < pattern.Length && pattern[_position] == '\'' ? '\'' : '>');
                    break;
                case 'u':
                    _position += 4;
                    break;
                case 'x':
                    _position += 2;
                    break;
                case 'c':
                    _position += 1;
                    break;
                default:
                    while (char.IsDigit(escaped) && _position < pattern.Length && char.IsDigit(pattern[_position])) _position++;
                    break;
            }
            if (_position > pattern.Length) Failed = true;
            return (null, null);
        }

        private void SkipPast(char close)
        {
            var at = pattern.IndexOf(close, _position);
            if (at < 0) Failed = true;
            _position = at < 0 ? pattern.Length : at + 1;
        }

        /// <summary>Past a character class, subtractions ([a-z-[aeiou]]) included; a ] first in the class is a letter of it.</summary>
        private void SkipClass()
        {
            _position++;
            if (_position < pattern.Length && pattern[_position] == '^') _position++;
            if (_position < pattern.Length && pattern[_position] == ']') _position++;
            while (_position < pattern.Length)
            {
                var c = pattern[_position];
                if (c == '\\')
                {
                    _position += 2;
                    continue;
                }
                if (c == '[' && pattern[_position - 1] == '-')
                {
                    SkipClass();
                    continue;
                }
                _position++;
                if (c == ']') return;
            }
            Failed = true;
        }

        private List<string[]>? Group()
        {
            _position++;
            var contributes = true;
            if (_position < pattern.Length && pattern[_position] == '?')
            {
                var rest = pattern.AsSpan(_position + 1);
                if (rest.StartsWith(":") || rest.StartsWith("=") || rest.StartsWith(">")) _position += 2;
                else if (rest.StartsWith("<=")) _position += 3;
                else if (rest.StartsWith("!") || rest.StartsWith("<!"))
                {
                    contributes = false;
                    _position += rest.StartsWith("!") ? 2 : 3;
                }
                else if (rest.StartsWith("<") || rest.StartsWith("'"))
                {
                    _position += 2;
                    SkipPast(rest[0] == '<' ? '>' : '\'');
                }
                else
                {
                    // Inline options, comments and conditionals change what the letters mean: not read.
                    Failed = true;
                    return null;
                }
            }
            var inside = Alternation();
            if (_position >= pattern.Length || pattern[_position] != ')')
            {
                Failed = true;
                return null;
            }
            _position++;
            return contributes ? inside : null;
        }

        private enum Repeat { Once, AtLeastOnce, Optional }

        private Repeat Quantifier()
        {
            if (_position >= pattern.Length) return Repeat.Once;
            Repeat repeat;
            switch (pattern[_position])
            {
                case '?' or '*':
                    repeat = Repeat.Optional;
                    _position++;
                    break;
                case '+':
                    repeat = Repeat.AtLeastOnce;
                    _position++;
                    break;
                case '{' when CountedRepeat() is { } counted:
                    repeat = counted;
                    break;
                default:
                    return Repeat.Once;
            }
            if (_position < pattern.Length && pattern[_position] == '?') _position++;
            return repeat;
        }

        /// <summary>{n}, {n,} or {n,m}; null when the brace is a plain letter, as .NET reads it then.</summary>
        private Repeat? CountedRepeat()
        {
            var close = pattern.IndexOf('}', _position);
            if (close < 0) return null;
            var body = pattern.AsSpan(_position + 1, close - _position - 1);
            var comma = body.IndexOf(',');
            var low = comma < 0 ? body : body[..comma];
            var high = comma < 0 ? [] : body[(comma + 1)..];
            if (low.Length == 0 || !IsDigits(low) || !IsDigits(high)) return null;
            _position = close + 1;
            if (int.Parse(low, System.Globalization.CultureInfo.InvariantCulture) == 0) return Repeat.Optional;
            return comma < 0 && low is "1" ? Repeat.Once : Repeat.AtLeastOnce;
        }

        private static bool IsDigits(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (!char.IsAsciiDigit(c)) return false;
            }
            return true;
        }
    }
}
