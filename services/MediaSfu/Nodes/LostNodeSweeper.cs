using Microsoft.Extensions.Options;
using WebRtcChat.Contracts;
using WebRtcChat.MediaSfu.Calls;

namespace WebRtcChat.MediaSfu.Nodes;

/// <summary>
/// Ends the calls of SFU nodes that stopped renewing their registration (crashed, killed, cut off, or stopped): their media
/// is gone, so their participants must join the room's call again, which lands on a live node. Every node sweeps on
/// its heartbeat, but only one at a time (a lock in Redis), and each call is ended by one registry transition.
/// </summary>
public sealed partial class LostNodeSweeper(
    NodeRegistry nodes, CallRegistry calls, CallAnnouncer announcer, IOptions<SfuOptions> sfu, IOptions<NodeOptions> options, ILogger<LostNodeSweeper> logger)
{
    public async Task SweepAsync()
    {
        if (!await nodes.TryLeadSweepAsync(sfu.Value.Node, options.Value.HeartbeatInterval))
        {
            return;
        }

        foreach (var node in await nodes.LostAsync())
        {
            var ended = await EndCallsOfAsync(node);
            await nodes.ForgetAsync(node);
            LogNodeLost(logger, node, ended);
        }
    }

    /// <summary>Ends every call <paramref name="node"/> hosts; returns how many this sweep ended.</summary>
    public async Task<int> EndCallsOfAsync(string node)
    {
        var ended = 0;
        foreach (var callId in await calls.HostedByAsync(node))
        {
            if (await calls.GetAsync(callId) is { } call && await announcer.AbandonAsync(call, CallEndReasons.NodeLost))
            {
                ended++;
            }
        }

        return ended;
    }

    [LoggerMessage(EventId = 8300, Level = LogLevel.Warning, Message = "SFU node {Node} was lost; {Calls} of its calls ended")]
    private static partial void LogNodeLost(ILogger logger, string node, int calls);
}
