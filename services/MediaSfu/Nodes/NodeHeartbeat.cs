using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Nodes;

/// <summary>
/// Keeps this node registered while it runs: once the server listens it ends the calls a previous run under the same
/// name left behind (their media died with it), then renews its record every heartbeat and sweeps for lost nodes; a
/// graceful stop removes the record at once.
/// </summary>
public sealed partial class NodeHeartbeat(
    NodeRegistry registry, LostNodeSweeper sweeper, SfuNode media, IServer server, IHostApplicationLifetime lifetime,
    IOptions<SfuOptions> sfu, IOptions<NodeOptions> options, TimeProvider time, ILogger<NodeHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        var self = Describe();
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        var ended = await sweeper.EndCallsOfAsync(self.Name);
        LogRegistered(logger, self.Name, self.HttpAddress, self.MediaAddress, ended);
        do
        {
            try
            {
                await registry.BeatAsync(self, options.Value.NodeExpiry);
                await sweeper.SweepAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Redis or the bus unreachable for a moment: the next beat renews the record (if it expired meanwhile,
                // this node's calls were ended, as for any node that cannot show it is alive).
                LogBeatFailed(logger, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await registry.RemoveAsync(sfu.Value.Node);
        }
        catch (StackExchange.Redis.RedisException exception)
        {
            // The record then expires on its own: the calls end one expiry later.
            LogRemoveFailed(logger, exception.Message);
        }
    }

    /// <summary>Waits until the server listens (its addresses are known then); false when the host stops first.</summary>
    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(started.SetCanceled);
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private SfuNodeInfo Describe()
    {
        // Without a listening socket (an in-memory test server) there is no address to route to; the gateway then falls back.
        var http = options.Value.HttpAddress is { Length: > 0 } configured
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? string.Empty;
        var candidate = media.Ice.Candidate;
        return new SfuNodeInfo(sfu.Value.Node, http.TrimEnd('/'), string.Create(CultureInfo.InvariantCulture, $"{candidate.Address}:{candidate.Port}"));
    }

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "SFU node {Node} registered: HTTP {Http}, media {Media}; {Ended} calls of its previous run ended")]
    private static partial void LogRegistered(ILogger logger, string node, string http, string media, int ended);

    [LoggerMessage(EventId = 8302, Level = LogLevel.Warning, Message = "SFU node heartbeat failed, retrying at the next one: {Reason}")]
    private static partial void LogBeatFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8303, Level = LogLevel.Warning, Message = "SFU node could not remove its registration on stopping; it expires instead: {Reason}")]
    private static partial void LogRemoveFailed(ILogger logger, string reason);
}
