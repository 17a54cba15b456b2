using System.Collections.Concurrent;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>The sequence numbers of every generic NACK for <paramref name="mediaSsrc"/> a client peer receives, in arrival order.</summary>
public sealed class NackCollector
{
    private readonly ConcurrentQueue<ushort> lost = new();

    public NackCollector(ClientPeer peer, uint mediaSsrc) => peer.RtcpReceived += compound =>
    {
        var reader = new RtcpCompoundReader(compound);
        Span<ushort> expanded = stackalloc ushort[1024];
        while (reader.TryRead(out var packet))
        {
            if (RtcpFeedback.TryParse(packet, out var feedback) && GenericNack.Matches(feedback) && feedback.MediaSsrc == mediaSsrc)
            {
                foreach (var sequence in expanded[..GenericNack.ExpandLost(feedback, expanded)])
                {
                    lost.Enqueue(sequence);
                }
            }
        }
    };

    public IReadOnlyList<ushort> Lost => [.. lost];

    /// <summary>A NACK for <paramref name="lost"/> from <paramref name="senderSsrc"/> about <paramref name="mediaSsrc"/>.</summary>
    public static byte[] Nack(uint senderSsrc, uint mediaSsrc, params ushort[] lost)
    {
        var nack = new byte[RtcpPacket.HeaderLength + RtcpFeedback.FixedLength + GenericNack.FciLength(lost)];
        GenericNack.Write(nack, senderSsrc, mediaSsrc, lost);
        return nack;
    }
}
