namespace KnowledgeGraph.Api.Configuration;

/// <summary>
/// Cross-origin access is off unless KG:Cors:AllowedOrigins names origins (KG__Cors__AllowedOrigins__0=https://…):
/// browsers then let exactly those pages call the API, with the API key header but without cookies.
/// </summary>
public static class CorsRegistration
{
    private const string PolicyName = "configured-origins";

    public static IServiceCollection AddKnowledgeGraphCors(this IServiceCollection services, CorsSettings settings)
    {
        var origins = AllowedOrigins(settings);
        if (origins.Count == 0) return services;
        return services.AddCors(cors => cors.AddPolicy(PolicyName, policy => policy
            .WithOrigins([.. origins])
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", "Accept", Http.ApiKeyValidator.HeaderName)));
    }

    public static IApplicationBuilder UseKnowledgeGraphCors(this IApplicationBuilder app, CorsSettings settings) =>
        AllowedOrigins(settings).Count == 0 ? app : app.UseCors(PolicyName);

    private static List<string> AllowedOrigins(CorsSettings settings)
    {
        var origins = settings.AllowedOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToList();
        foreach (var origin in origins)
        {
            if (origin == "*")
                throw new InvalidOperationException("KG:Cors:AllowedOrigins must name origins; '*' would let every web page use the API.");
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
                throw new InvalidOperationException($"KG:Cors:AllowedOrigins entry '{origin}' is not an origin such as https://dashboard.example.org");
        }
        return origins;
    }
}

public sealed class CorsSettings
{
    public List<string> AllowedOrigins { get; set; } = [];
}
