using System.Text.RegularExpressions;

namespace WebRtcChat.Gateway.Edge;

/// <summary>
/// Gives every request an <c>X-Request-Id</c>: the client's if it is well-formed, a new one otherwise.
/// It is forwarded to the backend and returned on the response, so one id follows a request end to end.
/// </summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName];
        var requestId = incoming.Count == 1 && WellFormed().IsMatch(incoming[0] ?? string.Empty)
            ? incoming[0]!
            : Guid.CreateVersion7().ToString("N");

        context.TraceIdentifier = requestId;
        context.Request.Headers[HeaderName] = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>Letters, digits and <c>.-_:</c>, at most 128 characters: safe to log and to echo in a header.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}
