using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Recognition;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>One row of <c>relations/patterns.tsv</c>, its macros expanded and compiled.</summary>
public sealed record RelationPattern(string Type, double Confidence, IReadOnlyDictionary<string, string> Settings, Regex Regex, string Source)
{
    /// <summary>
    /// A pattern that opens with a subject or object slot is anchored (\G) and tried only where a slot of that kind
    /// begins (P, O, R), instead of at every character of the sentence; empty when it opens otherwise.
    /// </summary>
    public string OpeningKinds { get; init; } = "";

    /// <summary>Words one of which the sentence must contain for the pattern to match at all (its trigger).</summary>
    public IReadOnlyList<string> Triggers { get; init; } = [];

    /// <summary>True when a gap of the pattern (…) may step over other mentions between its arguments.</summary>
    public bool StepsOverMentions { get; } = Source.Contains('…');

    /// <summary>Words the pattern cannot match without (see <see cref="RequiredWords"/>): a cheap test before the regex.</summary>
    public IReadOnlyList<string[]> RequiredWords { get; init; } = [];

    /// <summary>
    /// True for a pattern of a clause that leaves its object out (同年12月，a16z领投了A轮): the object is the topic
    /// of the clauses before it (setting object=topic; the pattern has no object slot).
    /// </summary>
    /// <remarks>Read once here: the extractor asks it of every pattern for every sentence with fewer than two mentions.</remarks>
    public bool ObjectIsTopic { get; } = Settings.GetValueOrDefault("object") is "topic" or "held";

    /// <summary>
    /// True for a bare stake statement (其中，A持股55%): its object is the company last named as set up or bought
    /// (object=held, see <see cref="HeldCompanies"/>), not the clause's topic.
    /// </summary>
    public bool ObjectIsHeld { get; } = Settings.GetValueOrDefault("object") == "held";

    /// <summary>Mention kinds (P, O, R) the pattern needs; a sentence without them is not tried.</summary>
    public required IReadOnlySet<char> NeededKinds { get; init; }

    /// <summary><see cref="NeededKinds"/> as bits of <see cref="KindBit"/>, tested per sentence without an enumerator.</summary>
    public int NeededKindBits { get; private init; }

    /// <summary>
    /// For each argument that may be of several kinds (a user named as an organization or as its product: {PLATFORM:s}),
    /// those kinds as bits of <see cref="KindBit"/>: the sentence must hold one of them, or the argument's slot cannot match.
    /// </summary>
    public int[] EitherKindBits { get; private init; } = [];

    /// <summary>Whether a sentence holding mentions of <paramref name="kinds"/> (bits of <see cref="KindBit"/>) can give the pattern its arguments.</summary>
    public bool MayMatchKinds(int kinds)
    {
        if ((NeededKindBits & ~kinds) != 0) return false;
        foreach (var either in EitherKindBits)
            if ((either & kinds) == 0) return false;
        return true;
    }

    /// <summary>
    /// The regex anchored (\G) where a match is asked for at one position only (a further object's retry at the match's
    /// start): an unanchored one would search the rest of the sentence in vain. The pattern's own regex when it is
    /// anchored already; built when first needed, as few patterns ever retry.
    /// </summary>
    public Regex AnchoredRegex => _anchoredRegex ??= OpeningKinds.Length > 0 ? Regex : new Regex(Anchored(_guardedSource, true), Regex.Options, Regex.MatchTimeout);

    private Regex? _anchoredRegex;

    /// <summary>The expanded source the regex was built from.</summary>
    private string _guardedSource = "";

    /// <summary>Words the slotted sentence must contain, lookarounds and alternations included (<see cref="LiteralPrefilter"/>).</summary>
    public LiteralPrefilter SlottedPrefilter { get; private init; } = LiteralPrefilter.Of("");

    public static int KindBit(char kind) => kind switch
    {
        'P' => 1,
        'O' => 2,
        'R' => 4,
        _ => 8,
    };

    public static IReadOnlyList<RelationPattern> Load(LanguageResources resources, RecognitionData recognition, OntologySchema ontology)
    {
        // The regexes get the word lists guarded (AnyOf); the literal tests read the plain lists, in which a list
        // standing alone is a group of plain words that a match needs one of.
        var (titles, guardedTitles) = (Alternatives(recognition.Titles), AnyOf(recognition.Titles));
        var (productCues, guardedProductCues) = (Alternatives(recognition.ProductCues), AnyOf(recognition.ProductCues));
        string WithWordLists(string text) => text.Replace("@TITLES@", titles).Replace("@PRODUCTCUES@", productCues);
        string WithGuardedWordLists(string text) => text.Replace("@TITLES@", guardedTitles).Replace("@PRODUCTCUES@", guardedProductCues);
        var macroRows = resources.Rows("relations/macros.tsv", 2).ToList();
        var macros = macroRows.Select(r => (Name: r[0], Expansion: WithWordLists(r[1]))).OrderByDescending(m => m.Name.Length).ToList();
        var guardedMacros = macroRows.Select(r => (Name: r[0], Expansion: WithGuardedWordLists(r[1]))).OrderByDescending(m => m.Name.Length).ToList();
        var patterns = new List<RelationPattern>();
        foreach (var row in resources.Rows("relations/patterns.tsv", 4))
        {
            var type = row[0].Trim();
            if (!ontology.IsRelationType(type))
                throw new InvalidDataException($"patterns.tsv: '{type}' is not a relation type of the ontology");
            var source = row[3].Trim();
            var opening = OpeningKindsOf(WithoutLeadingAssertions(source, macros));
            var startsAtSlot = opening.Length > 0;
            // Word lists may stand in a pattern itself too, not only in its macros.
            var expanded = AcceptCarriedSlots(Expand(WithWordLists(source), macros));
            var guarded = AcceptCarriedSlots(Expand(WithGuardedWordLists(source), guardedMacros));
            Regex regex;
            try
            {
                regex = new Regex(Anchored(guarded, startsAtSlot), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"patterns.tsv: pattern '{row[3]}' is not a valid regular expression: {e.Message}");
            }
            var settings = ParseSettings(row[2]);
            var objectIsTopic = settings.GetValueOrDefault("object") is "topic" or "held";
            if (regex.GroupNumberFromName("s") < 0 || (regex.GroupNumberFromName("o") < 0) != objectIsTopic)
                throw new InvalidDataException($"patterns.tsv: pattern '{row[3]}' needs a subject (s) slot and an object (o) slot, or object=topic or object=held and no object slot");
            var kindsByArgument = KindsByArgument(expanded);
            var neededGroups = NeededWordGroupsOf(source);
            var neededKinds = kindsByArgument.Where(kinds => kinds.Count == 1).Select(kinds => kinds[0]).ToHashSet();
            patterns.Add(new RelationPattern(type, double.Parse(row[1], CultureInfo.InvariantCulture), settings, regex, source)
            {
                OpeningKinds = opening,
                Triggers = RarestOf(neededGroups),
                RequiredWords = Relations.RequiredWords.Of(expanded),
                NeededKinds = neededKinds,
                NeededKindBits = neededKinds.Aggregate(0, (bits, kind) => bits | KindBit(kind)),
                EitherKindBits = kindsByArgument.Where(kinds => kinds.Count > 1).Select(kinds => kinds.Aggregate(0, (bits, kind) => bits | KindBit(kind))).ToArray(),
                SlottedPrefilter = LiteralPrefilter.Of(Anchored(expanded, startsAtSlot), regex.Options),
                _guardedSource = guarded,
            });
        }
        return patterns;
    }

    /// <summary>
    /// A word list as one alternation behind a test of its first characters. The regex interpreter tries the words
    /// one by one at every position a gap before them lets it reach (83 titles after each character of
    /// 「前…的」), and the test turns most of those positions away at once; what matches is the same.
    /// </summary>
    private static string AnyOf(IReadOnlyList<string> words)
    {
        var alternation = $"(?:{Alternatives(words)})";
        if (words.Count == 0 || words.Any(word => word.Length == 0)) return alternation;
        var firstCharacters = string.Concat(words.Select(word => word[0]).Distinct().Select(c => c is '\\' or ']' or '[' or '^' or '-' ? $"\\{c}" : c.ToString()));
        return $"(?=[{firstCharacters}]){alternation}";
    }

    private static string Alternatives(IReadOnlyList<string> words) => string.Join("|", words.Select(Regex.Escape));

    private static string Anchored(string expanded, bool startsAtSlot) => startsAtSlot ? $"\\G(?:{expanded})" : expanded;

    /// <summary>Every slot of the pattern also matches a carried topic's slot (⟨O3⟩ as well as &lt;O3&gt;).</summary>
    private static string AcceptCarriedSlots(string pattern) =>
        SlotInPattern.Replace(pattern, m => $"[<{RelationExtractor.CarriedSlotOpening}]{m.Groups["kinds"].Value}\\d+[>{RelationExtractor.CarriedSlotClosing}]");

    /// <summary>
    /// A subject or object group holding a slot of one kind, as <see cref="AcceptCarriedSlots"/> writes it: only these
    /// make a kind needed; other slots (the employer in a person's description) may be absent from the sentence.
    /// </summary>
    private static readonly Regex ArgumentSlot = new($@"\(\?<(?<role>[so])>\[<{RelationExtractor.CarriedSlotOpening}\](?<kind>[OPR])\\d\+\[", RegexOptions.Compiled);

    /// <summary>
    /// The kinds each argument (subject, object) may be of, read from the slots of its groups. An argument of one kind
    /// needs a mention of that kind in the sentence; one that may be either of two kinds (a user named as an organization
    /// or as its product: {PLATFORM:s}) needs one of them, so that 「豆包已经接入了DeepSeek-R1」, naming no organization,
    /// is still tried.
    /// </summary>
    private static List<List<char>> KindsByArgument(string expanded) =>
        ArgumentSlot.Matches(expanded).GroupBy(m => m.Groups["role"].Value[0])
            .Select(role => role.Select(m => m.Groups["kind"].Value[0]).Distinct().ToList()).ToList();

    private static readonly Regex SlotInPattern = new(@"<(?<kinds>\[[OPR]+\]|[OPR])\\d\+>", RegexOptions.Compiled);

    /// <summary>
    /// The pattern's source after the assertions it opens with, lookarounds written out or macros that expand to nothing
    /// else (@NOTPARTNER@{ORG:s}…): what stays says which slot opens every match.
    /// </summary>
    private static string WithoutLeadingAssertions(string source, IReadOnlyList<(string Name, string Expansion)> macros)
    {
        while (true)
        {
            var written = LeadingAssertions.Length(source);
            if (written > 0)
            {
                source = source[written..];
                continue;
            }
            var macro = macros.FirstOrDefault(m => source.StartsWith(m.Name, StringComparison.Ordinal));
            if (macro.Name is null || !LeadingAssertions.IsZeroWidth(Expand(macro.Expansion, macros))) return source;
            source = source[macro.Name.Length..];
        }
    }

    private static string OpeningKindsOf(string pattern) =>
        pattern.StartsWith("{ORG:", StringComparison.Ordinal) ? "O"
        : pattern.StartsWith("{PER:", StringComparison.Ordinal) ? "P"
        : pattern.StartsWith("{PROD:", StringComparison.Ordinal) ? "R"
        : pattern.StartsWith("{AGENT:", StringComparison.Ordinal) ? "OP"
        : "";

    /// <summary>
    /// The groups of plain words the pattern cannot do without, such as (?:收购|并购): not optional, only letters inside.
    /// </summary>
    private static List<string[]> NeededWordGroupsOf(string pattern)
    {
        var groups = new List<string[]>();
        foreach (Match group in TopLevelWordGroup.Matches(pattern))
        {
            var after = group.Index + group.Length;
            if (after < pattern.Length && pattern[after] is '?' or '*' || pattern.AsSpan(after).StartsWith("{0")) continue;
            if (Depth(pattern, group.Index) != 0) continue;
            groups.Add(group.Groups["words"].Value.Split('|'));
        }
        return groups;
    }

    /// <summary>
    /// Of the needed word groups the one news text holds least often, or else none, and the pattern is tried on every
    /// sentence. Any of them would do, since each must occur; a rarer one lets fewer sentences through to the other
    /// tests. Roughly, a single character (与, 是, 为) is in most sentences, a word of two or more (投资, 创始人) in few.
    /// </summary>
    private static string[] RarestOf(List<string[]> groups) =>
        groups.OrderBy(words => words.Sum(word => word.Length == 1 ? 20 : 1)).FirstOrDefault() ?? [];

    private static readonly Regex TopLevelWordGroup = new(@"\(\?:(?<words>[\p{L}\p{N}]+(?:\|[\p{L}\p{N}]+)*)\)", RegexOptions.Compiled);

    private static int Depth(string pattern, int position)
    {
        var depth = 0;
        for (var i = 0; i < position; i++)
        {
            if (pattern[i] == '\\') { i++; continue; }
            if (pattern[i] == '(') depth++;
            else if (pattern[i] == ')') depth--;
        }
        return depth;
    }

    /// <summary>Macros may use other macros; expansion repeats until nothing is left to expand.</summary>
    private static string Expand(string pattern, IReadOnlyList<(string Name, string Expansion)> macros)
    {
        for (var round = 0; round < 8; round++)
        {
            var expanded = macros.Aggregate(pattern, (current, macro) => current.Replace(macro.Name, macro.Expansion));
            if (expanded == pattern) return expanded;
            pattern = expanded;
        }
        throw new InvalidDataException($"macros.tsv: macros expand without end in '{pattern}'");
    }

    private static IReadOnlyDictionary<string, string> ParseSettings(string column) =>
        column.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(setting => setting.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "true");
}
