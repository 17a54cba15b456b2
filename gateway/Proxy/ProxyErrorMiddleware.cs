using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;
using WebRtcChat.Gateway.Edge;

namespace WebRtcChat.Gateway.Proxy;

/// <summary>
/// Runs in YARP's proxy pipeline and turns a failed forward (YARP only sets a status code) into a ProblemDetails
/// answer. The failing cluster and destination go to the log, never to the client.
/// </summary>
internal sealed partial class ProxyErrorMiddleware(RequestDelegate next, ILogger<ProxyErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var error = context.GetForwarderErrorFeature();
        if (error is null || error.Error == ForwarderError.None)
        {
            return;
        }

        var proxy = context.GetReverseProxyFeature();
        LogForwardFailed(logger, error.Error, proxy.Route.Config.RouteId, proxy.Cluster?.Config.ClusterId,
            proxy.ProxiedDestination?.Model.Config.Address, context.TraceIdentifier, error.Exception);

        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var (status, title, detail) = Describe(error, context.Response.StatusCode);
        if (status is null)
        {
            return;
        }

        context.Response.Clear();
        await GatewayProblems.WriteAsync(context, status.Value, title, detail);
    }

    private static (int? Status, string Title, string Detail) Describe(IForwarderErrorFeature error, int statusSetByYarp) => error.Error switch
    {
        ForwarderError.NoAvailableDestinations =>
            (StatusCodes.Status503ServiceUnavailable, GatewayProblems.ServiceUnavailable, "No instance of the service is available. Try again later."),
        ForwarderError.RequestTimedOut =>
            (StatusCodes.Status504GatewayTimeout, GatewayProblems.GatewayTimeout, "The service did not answer in time."),
        ForwarderError.RequestBodyClient when statusSetByYarp == StatusCodes.Status413PayloadTooLarge || IsBodyTooLarge(error.Exception) =>
            (StatusCodes.Status413PayloadTooLarge, GatewayProblems.BodyTooLarge, "The request body is larger than this route accepts."),
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
            or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeRequestClient =>
            (null, string.Empty, string.Empty),
        _ => (StatusCodes.Status502BadGateway, GatewayProblems.BadGateway, "The service could not be reached or gave an invalid answer."),
    };

    /// <summary>Kestrel's body-size cut-off, which YARP may hand over wrapped in an IOException.</summary>
    private static bool IsBodyTooLarge(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Forwarding failed with {Error} on route {RouteId} to cluster {ClusterId} at {Destination} (request {RequestId})")]
    private static partial void LogForwardFailed(ILogger logger, ForwarderError error, string routeId, string? clusterId,
        string? destination, string requestId, Exception? exception);
}
