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

    /// <summary>Managed allocations and gen-0 collections so far, for a .NET server; null for others.</summary>
    Task<ManagedCounters?> ManagedCountersAsync();
}

/// <summary>One call (a room) on the server.</summary>
public interface ILoadCall
{
    /// <summary>A publisher sending <paramref name="tracks"/> (its offer changed by <paramref name="prepare"/> first, when given), connected when this returns.</summary>
    Task<ClientPeer> PublishAsync(int publisher, IReadOnlyList<OfferedTrack> tracks, Action<ClientPeer>? prepare = null);

    /// <summary>A subscriber receiving the audio and video of <paramref name="publishers"/>, connected when this returns.</summary>
    Task<ClientPeer> SubscribeAsync(IReadOnlyList<int> publishers);
}

public sealed record ManagedCounters(long AllocatedBytes, long Gen0Collections);
