using System.Net;

namespace WebRtcChat.WebRtc.Ice;

internal enum PairState
{
    Waiting,
    InProgress,
    Succeeded,
    Failed,
}

/// <summary>A local socket and a remote candidate's address, ordered by RFC 8445 §6.1.2.3 pair priority.</summary>
internal sealed class CandidatePair(LocalSocket local, SocketAddress remote, uint remotePriority)
{
    public LocalSocket Local { get; } = local;

    public SocketAddress Remote { get; } = remote;

    public PairState State { get; set; }

    /// <summary>2^32·min(G, D) + 2·max(G, D) + (G &gt; D ? 1 : 0), G the controlling (our) side's priority.</summary>
    public ulong Priority { get; } =
        ((ulong)Math.Min(local.Candidate.Priority, remotePriority) << 32) + 2ul * Math.Max(local.Candidate.Priority, remotePriority)
        + (local.Candidate.Priority > remotePriority ? 1ul : 0ul);
}

/// <summary>One gathered host candidate and the socket bound to it.</summary>
internal sealed class LocalSocket
{
    public required IceCandidate Candidate { get; init; }

    public required UdpReceiveLoop Loop { get; init; }
}
