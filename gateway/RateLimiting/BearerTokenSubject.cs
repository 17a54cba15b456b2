using System.Buffers.Text;
using System.Text.Json;

namespace WebRtcChat.Gateway.RateLimiting;

/// <summary>
/// Reads the <c>sub</c> claim of a JWT bearer token without validating it. Only for partitioning rate limits:
/// the downstream service validates the token, and the per-IP limit still bounds a client that invents subjects.
/// </summary>
internal static class BearerTokenSubject
{
    private const string BearerPrefix = "Bearer ";
    private const int MaxTokenLength = 8 * 1024;

    /// <summary>The <c>sub</c> of the request's token (Authorization header, or <c>access_token</c> query on a WebSocket/SSE hub connection).</summary>
    public static string? Read(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        var token = authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : request.Query["access_token"].FirstOrDefault();
        return token is { Length: > 0 and <= MaxTokenLength } ? ReadSubject(token) : null;
    }

    private static string? ReadSubject(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var payload = new byte[Base64Url.GetMaxDecodedLength(parts[1].Length)];
        if (Base64Url.DecodeFromChars(parts[1], payload, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(payload.AsSpan(0, written));
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("sub", out var sub)
                   && sub.ValueKind == JsonValueKind.String
                ? sub.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
