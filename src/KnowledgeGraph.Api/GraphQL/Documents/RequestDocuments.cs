using System.Buffers;
using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.GraphQL.Limits;

namespace KnowledgeGraph.Api.GraphQL.Documents;

/// <summary>
/// A request's document; whether the same text with the same operation name validated before, and if so whether this
/// request's variables could change its complexity verdict.
/// </summary>
public sealed record PreparedDocument(string Query, string? OperationName, GraphQLDocument Document, bool ValidatedBefore,
    bool ComplexityDependsOnVariables = true);

/// <summary>
/// Turns a request's query text into a document to execute: from the cache of validated documents when it is there,
/// otherwise scanned, parsed and checked against the limits that need no schema, which refuses floods before validation.
/// </summary>
public sealed class RequestDocuments(
    IDocumentBuilder parser, int parserMaxDepth, ValidatedDocumentCache cache, ValidationRuleSets rules, QueryLimits limits)
{
    public const string FieldSelectionLimit = "FIELD_SELECTION_LIMIT";

    /// <summary>The code GraphQL.NET's own rule gives a fragment cycle, so clients see one code whichever check finds it.</summary>
    public const string FragmentCycle = "NO_FRAGMENT_CYCLES";

    /// <exception cref="ExecutionError">The text does not parse, selects too many fields, or spreads a fragment within itself.</exception>
    /// <exception cref="GraphQLParser.Exceptions.GraphQLMaxDepthExceededException">The text nests past the parser's limit.</exception>
    public PreparedDocument Prepare(string query, string? operationName)
    {
        if (cache.Find(query, operationName) is { } validated)
            return new PreparedDocument(query, operationName, validated.Document, ValidatedBefore: true, validated.ComplexityDependsOnVariables);
        RefuseFloods(query);
        var document = parser.Build(WithoutLoneCarriageReturns(query));
        if (FieldSelectionCount.FirstPastLimit(document, limits.MaxFieldSelections) is { } field)
        {
            var error = TooManySelections();
            error.AddLocation(field, document);
            throw error;
        }
        if (FragmentCycles.FirstOnCycle(document) is { } cyclic)
        {
            var name = cyclic.FragmentName.Name.StringValue;
            var error = GraphErrors.Error(FragmentCycle, $"Cannot spread fragment '{name}' within itself, directly or through other fragments.");
            error.AddLocation(cyclic, document);
            throw error;
        }
        return new PreparedDocument(query, operationName, document, ValidatedBefore: false);
    }

    /// <summary>
    /// The cheap pass over a query's UTF-8 text: it refuses what the checks on the tree would, before there is a tree
    /// (or, for a POST body, a string). The error's location comes from the text up to the refused spot alone.
    /// </summary>
    /// <exception cref="ExecutionError">The text selects too many fields.</exception>
    /// <exception cref="GraphQLMaxDepthExceededException">The text nests past the parser's limit.</exception>
    public void RefuseFloods(ReadOnlySpan<byte> utf8Query)
    {
        var scan = DocumentPrescan.Scan(utf8Query, limits.MaxFieldSelections, parserMaxDepth);
        if (scan.Verdict == PrescanVerdict.LeftToParser)
            return;
        var upToRefused = WithoutLoneCarriageReturns(Encoding.UTF8.GetString(utf8Query[..(scan.Position + 1)]));
        var position = upToRefused.Length - 1;
        if (scan.Verdict == PrescanVerdict.TooDeep)
            throw new GraphQLMaxDepthExceededException(upToRefused, position);
        var error = TooManySelections();
        error.AddLocation(Location.FromLinearPosition(upToRefused, position));
        throw error;
    }

    private void RefuseFloods(string query)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(query.Length));
        try
        {
            RefuseFloods(utf8.AsSpan(0, Encoding.UTF8.GetBytes(query, utf8)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private ExecutionError TooManySelections() => GraphErrors.Error(FieldSelectionLimit,
        $"The document selects more than {limits.MaxFieldSelections} fields (aliases count separately); split it into smaller requests.");

    /// <summary>
    /// All rules for a new document; for one that validated before, only those whose verdict the variables can change,
    /// and none when its variables cannot sway them (<see cref="ComplexityInputs"/>): validating it again could only
    /// repeat the earlier verdict, and cost about 6% of the service's CPU samples for a repeated entity lookup
    /// (docs/benchmarks.md, session 5).
    /// </summary>
    public IEnumerable<IValidationRule> RulesFor(PreparedDocument prepared) =>
        !prepared.ValidatedBefore ? rules.ForNewDocuments
        : prepared.ComplexityDependsOnVariables ? rules.ForValidatedDocuments
        : [];

    /// <summary>Called once the document passed validation (the executer ran it), so later requests may skip that.</summary>
    public void PassedValidation(PreparedDocument prepared)
    {
        if (!prepared.ValidatedBefore)
            cache.Add(prepared.Query, prepared.OperationName, prepared.Document);
    }

    /// <summary>
    /// GraphQLParser throws IndexOutOfRangeException (a 500) while describing a syntax error on a line ended by a
    /// lone CR, found by fuzzing. A lone CR is a line terminator like LF in GraphQL and cannot occur inside a string
    /// literal, so turning it into LF keeps every position and the document's meaning.
    /// </summary>
    private static string WithoutLoneCarriageReturns(string query)
    {
        if (!query.Contains('\r'))
            return query;
        var chars = query.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\r' && (i + 1 == chars.Length || chars[i + 1] != '\n'))
                chars[i] = '\n';
        }
        return new string(chars);
    }
}
