using Microsoft.Extensions.Options;
using WebRtcChat.Gateway.Options;

namespace WebRtcChat.Gateway.Edge;

/// <summary>Adds the browser security headers to every response; a backend's own value (e.g. its CSP) is kept.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public const string ApiReferencePath = "/scalar";

    private readonly SecurityHeaderOptions _headers = options.Value.SecurityHeaders;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var policy = context.Request.Path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase)
                ? _headers.ApiReferenceContentSecurityPolicy
                : _headers.ContentSecurityPolicy;

            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers.TryAdd("X-Frame-Options", "DENY");
            headers.TryAdd("Referrer-Policy", _headers.ReferrerPolicy);
            headers.TryAdd("Permissions-Policy", _headers.PermissionsPolicy);
            headers.TryAdd("Content-Security-Policy", policy);
            headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
