using System.Globalization;
using GraphQL;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// The from/to filters take partial ISO 8601 dates (2023, 2023-06, 2024-03-19), compared as text by the stores; a date
/// that is not on the calendar (2024-02-30) would compare as if it were one, so it is refused here.
/// </summary>
internal static class DateBounds
{
    private static readonly string[] Formats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];

    public static string? DateArgument(this IResolveFieldContext context, string name)
    {
        var value = context.GetArgument<string?>(name);
        if (value is null)
            return null;
        if (!DateTime.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw GraphErrors.Error(GraphErrors.InvalidArgument,
                $"{name} '{value}' is not a calendar date; write 2023, 2023-06 or 2024-03-19.");
        return value;
    }
}
