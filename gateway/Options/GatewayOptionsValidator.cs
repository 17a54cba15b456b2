using System.Net;
using Microsoft.Extensions.Options;

namespace WebRtcChat.Gateway.Options;

/// <summary>Rejects a gateway configuration that would fail (or silently open up) at runtime.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        CheckLimit(failures, "RateLimiting:PerIp", options.RateLimiting.PerIp);
        CheckLimit(failures, "RateLimiting:PerUser", options.RateLimiting.PerUser);
        CheckLimit(failures, "RateLimiting:Credentials", options.RateLimiting.Credentials);
        CheckPaths(failures, "RateLimiting:CredentialPaths", options.RateLimiting.CredentialPaths);

        var bodies = options.RequestBodyLimits;
        if (bodies.DefaultMaxBytes <= 0 || bodies.UploadMaxBytes <= 0)
        {
            failures.Add("RequestBodyLimits: DefaultMaxBytes and UploadMaxBytes must be positive.");
        }

        CheckPaths(failures, "RequestBodyLimits:UploadPathPrefixes", bodies.UploadPathPrefixes);

        foreach (var origin in options.Cors.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/" || origin.EndsWith('/'))
            {
                failures.Add($"Cors:AllowedOrigins: '{origin}' is not an origin like https://chat.example.com (no wildcard, path or trailing slash).");
            }
        }

        failures.AddRange(options.ForwardedHeaders.KnownProxies
            .Where(proxy => !IPAddress.TryParse(proxy, out _))
            .Select(proxy => $"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        failures.AddRange(options.ForwardedHeaders.KnownNetworks
            .Where(network => !IPNetwork.TryParse(network, out _))
            .Select(network => $"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR network."));

        if (options.HealthChecks.Timeout <= TimeSpan.Zero)
        {
            failures.Add("HealthChecks:Timeout must be positive.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(failure => $"{GatewayOptions.SectionName}:{failure}"));
    }

    private static void CheckLimit(List<string> failures, string key, FixedWindowLimit limit)
    {
        if (limit.PermitLimit <= 0 || limit.Window <= TimeSpan.Zero)
        {
            failures.Add($"{key}: PermitLimit and Window must be positive.");
        }
    }

    private static void CheckPaths(List<string> failures, string key, string[] paths) =>
        failures.AddRange(paths
            .Where(path => !path.StartsWith('/'))
            .Select(path => $"{key}: '{path}' must start with '/'."));
}
