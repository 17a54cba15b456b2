using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>A media server the load runs against: our SFU or Janus VideoRoom, each with its own signalling.</summary>
public interface ILoadTarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>The server's process, whose CPU time and memory are measured.</summary>
    int ProcessId { get; }

    Task<ILoadCall> OpenCallAsync(int index);

    /// <summary>What a server of ours counts itself so far (allocations, gen-0 collections, forwarding latency); null for others.</summary>
    Task<ServerCounters?> CountersAsync();
}

/// <summary>One call (a room) on the server.</summary>
public interface ILoadCall
{
    /// <summary>A publisher sending <paramref name="tracks"/> (its offer changed by <paramref name="prepare"/> first, when given), connected when this returns.</summary>
    Task<ClientPeer> PublishAsync(int publisher, IReadOnlyList<OfferedTrack> tracks, Action<ClientPeer>? prepare = null);

    /// <summary>A subscriber receiving the audio and video of <paramref name="publishers"/>, connected when this returns.</summary>
    Task<ClientPeer> SubscribeAsync(IReadOnlyList<int> publishers);
}

/// <summary>Managed allocations, gen-0 collections and the <see cref="WebRtc.Transport.LatencyHistogram"/> counts of <see cref="WebRtc.Transport.ForwardingTimes"/>.</summary>
public sealed record ServerCounters(long AllocatedBytes, long Gen0Collections, long[] ForwardingLatency, long[] Handling)
{
    /// <summary>What was counted between <paramref name="earlier"/> and this.</summary>
    public ServerCounters Since(ServerCounters earlier) => new(
        AllocatedBytes - earlier.AllocatedBytes,
        Gen0Collections - earlier.Gen0Collections,
        Subtract(ForwardingLatency, earlier.ForwardingLatency),
        Subtract(Handling, earlier.Handling));

    private static long[] Subtract(long[] now, long[] before) => [.. now.Zip(before, (a, b) => a - b)];
}
