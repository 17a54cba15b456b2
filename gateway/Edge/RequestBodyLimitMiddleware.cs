using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using WebRtcChat.Gateway.Options;

namespace WebRtcChat.Gateway.Edge;

/// <summary>
/// Caps the request body: the upload limit on upload paths, the default limit elsewhere. A declared
/// Content-Length over the cap is refused at once with 413; a chunked body is cut off by Kestrel when it
/// passes the cap, and <see cref="Proxy.ProxyErrorMiddleware"/> turns that into the same 413.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    private readonly RequestBodyLimitOptions _limits = options.Value.RequestBodyLimits;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = LimitFor(context.Request.Path);
        if (context.Request.ContentLength > limit)
        {
            context.Response.Headers.Connection = "close";
            return GatewayProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, GatewayProblems.BodyTooLarge,
                $"The request body may not exceed {limit} bytes.");
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }

    private long LimitFor(PathString path) =>
        _limits.UploadPathPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            ? _limits.UploadMaxBytes
            : _limits.DefaultMaxBytes;
}
