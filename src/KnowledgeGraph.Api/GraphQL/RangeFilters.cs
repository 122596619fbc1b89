using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The bounds a relation or deal list may be filtered by.</summary>
internal readonly record struct RangeFilter(string? From, string? To, decimal? MinAmount, decimal? MaxAmount, double? MinConfidence);

/// <summary>The date, amount and confidence filters of the top-level relation and deal lists, declared and read in one place.</summary>
internal static class RangeFilters
{
    public static FieldBuilder<TSource, TReturn> RangeArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<StringGraphType>("from", "Earliest date, ISO 8601.")
            .Argument<StringGraphType>("to", "Latest date, ISO 8601.")
            .Argument<DecimalGraphType>("minAmount")
            .Argument<DecimalGraphType>("maxAmount")
            .Argument<FloatGraphType>("minConfidence");

    public static RangeFilter ReadRanges(this IResolveFieldContext context) =>
        new(context.DateArgument("from"), context.DateArgument("to"), context.GetArgument<decimal?>("minAmount"),
            context.GetArgument<decimal?>("maxAmount"), context.GetArgument<double?>("minConfidence"));
}
