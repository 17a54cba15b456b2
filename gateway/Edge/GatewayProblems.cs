namespace WebRtcChat.Gateway.Edge;

/// <summary>Writes the gateway's own errors as RFC 9457 ProblemDetails (application/problem+json).</summary>
internal static class GatewayProblems
{
    public const string TooManyRequests = "Too many requests";
    public const string BodyTooLarge = "Request body too large";
    public const string BadGateway = "Bad gateway";
    public const string ServiceUnavailable = "Service unavailable";
    public const string GatewayTimeout = "Gateway timeout";

    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
}
