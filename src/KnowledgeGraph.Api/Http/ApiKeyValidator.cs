using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Api.Configuration;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// Checks the X-Api-Key header in constant time: both sides are hashed to equal length first, and every
/// configured key is compared, so neither the key's length nor how much of it matched shows in the timing.
/// </summary>
public sealed class ApiKeyValidator(IOptionsMonitor<KnowledgeGraphOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    public bool IsValid(string? presented)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? ""));
        var matched = false;
        foreach (var key in options.CurrentValue.ApiKeys.Where(k => !string.IsNullOrEmpty(k)))
            matched |= CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return matched && !string.IsNullOrEmpty(presented);
    }
}
