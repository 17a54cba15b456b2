using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Model;

namespace WebRtcChat.Gateway.Proxy.CallRouting;

/// <summary>
/// In YARP's proxy pipeline, before load balancing: a request about one call (<c>/api/calls/{callId}/...</c>) to the SFU
/// cluster goes to the node hosting that call. When no node knows the call, or its node is not among the cluster's
/// available destinations (gone, unhealthy), the load balancer picks any node, which answers 404 or 409 itself.
/// </summary>
public sealed class CallNodeRouting(RequestDelegate next, CallNodeLocator locator, IOptions<CallRoutingOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var proxy = context.GetReverseProxyFeature();
        var available = proxy.AvailableDestinations;
        if (available.Count > 1
            && proxy.Cluster?.Config.ClusterId == options.Value.Cluster
            && CallPath.TryGetCallId(context.Request.Path, out var callId))
        {
            var nodes = available.Select(AddressOf).ToList();
            var node = await locator.LocateAsync(callId, nodes, context.Request.Headers[HeaderNames.Authorization], context.RequestAborted);
            if (node is not null)
            {
                var hosting = available.Where(destination => SameServer(AddressOf(destination), node)).ToList();
                if (hosting.Count > 0)
                {
                    proxy.AvailableDestinations = hosting;
                }
                else
                {
                    locator.Forget(callId);
                }
            }
        }

        await next(context);
    }

    private static Uri AddressOf(DestinationState destination) => new(destination.Model.Config.Address);

    private static bool SameServer(Uri left, Uri right) =>
        Uri.Compare(left, right, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
