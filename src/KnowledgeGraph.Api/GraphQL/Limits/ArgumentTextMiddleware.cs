using System.Collections;
using GraphQL;
using GraphQL.Instrumentation;
using KnowledgeGraph.Api.Configuration;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.GraphQL.Limits;

/// <summary>
/// Checks every string argument (ids, search terms, cursors, lists of ids) before the resolver runs, so no store sees
/// text it could mangle. Input objects are checked where they are converted (ArticleInputGraphType.ToArticle).
/// </summary>
public sealed class ArgumentTextMiddleware(IOptions<KnowledgeGraphOptions> options) : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        if (context.Arguments is { Count: > 0 } arguments)
        {
            var maxLength = options.Value.Limits.MaxArgumentLength;
            foreach (var (name, argument) in arguments)
                Check(argument.Value, name, maxLength);
        }
        return next(context);
    }

    private static void Check(object? value, string path, int maxLength)
    {
        switch (value)
        {
            case string text:
                ArgumentText.Check(text, path, maxLength);
                break;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                    Check(list[i], $"{path}[{i}]", maxLength);
                break;
        }
    }
}
