using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Types;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The <c>first</c>/<c>after</c> arguments every connection takes, and paging of lists held in memory.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;

    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", $"Page size, 1 to {PageRequest.MaxPageSize}.", a => a.DefaultValue = DefaultPageSize)
            .Argument<StringGraphType>("after", "The endCursor of the previous page.");

    public static PageRequest Read(IResolveFieldContext context)
    {
        var first = context.GetArgument("first", DefaultPageSize);
        if (first > PageRequest.MaxPageSize)
            throw GraphErrors.Error(GraphErrors.PageSizeExceeded,
                $"first is {first}; pages hold at most {PageRequest.MaxPageSize} items, follow pageInfo.endCursor for more.");
        if (first < 1)
            throw GraphErrors.Error(GraphErrors.InvalidArgument, $"first must be at least 1; got {first}.");
        return new PageRequest(first, context.GetArgument<string?>("after"));
    }

    public static Connection<T> ToConnection<T>(this Page<T> page, PageRequest request) =>
        new(page, request.After is not null);

    /// <summary>
    /// Pages a list the API holds whole. The cursor names the last item's key rather than its position, so an item
    /// added or removed before it between two requests neither repeats nor skips anything after it.
    /// </summary>
    public static Connection<T> Slice<T>(IReadOnlyList<T> items, Func<T, string> keyOf, PageRequest request)
    {
        var start = 0;
        if (request.After is not null)
        {
            var afterKey = DecodeListCursor(request.After);
            var index = IndexOfKey(items, keyOf, afterKey);
            if (index < 0)
                throw GraphErrors.Error(GraphErrors.InvalidCursor,
                    $"Cursor '{request.After}' points at an item that is no longer in this list; start again without 'after'.");
            start = index + 1;
        }
        var taken = items.Skip(start).Take(request.First)
            .Select(item => new PageItem<T>(EncodeListCursor(keyOf(item)), item))
            .ToList();
        return new Connection<T>(new Page<T>(taken, start + taken.Count < items.Count, items.Count), request.After is not null);
    }

    private static int IndexOfKey<T>(IReadOnlyList<T> items, Func<T, string> keyOf, string key)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (string.Equals(keyOf(items[i]), key, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    private const string ListCursorPrefix = "list:";

    public static string EncodeListCursor(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(ListCursorPrefix + key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool IsListCursor(string cursor) => TryDecodeListCursor(cursor, out _);

    private static string DecodeListCursor(string cursor) =>
        TryDecodeListCursor(cursor, out var key)
            ? key
            : throw GraphErrors.Error(GraphErrors.InvalidCursor, $"'{cursor}' is not a cursor of this list.");

    private static bool TryDecodeListCursor(string cursor, out string key)
    {
        key = "";
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
            return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        if (!text.StartsWith(ListCursorPrefix, StringComparison.Ordinal))
            return false;
        key = text[ListCursorPrefix.Length..];
        return true;
    }
}
