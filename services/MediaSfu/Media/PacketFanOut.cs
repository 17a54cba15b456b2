using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// A received packet's copies to a track's subscribers. A large fan-out is cut into chunks of a few subscribers that
/// the receive thread and its <see cref="FanOutHelper"/> send side by side, from one copy of the packet (the receive
/// buffer is the loop's and the helper must not read it); a small one is sent on the receive thread alone. Each
/// subscription is still served by one thread per packet and in packet order: the receive thread returns only when
/// every chunk is done.
/// </summary>
internal sealed class PacketFanOut : IChunkedWork
{
    /// <summary>Fewer copies than this are sent on the receive thread: waking the helper would cost more than it saves.</summary>
    public const int SharedFrom = 12;

    private const int ChunkSize = 4;
    private const int MaxPacket = 2048;

    [ThreadStatic]
    private static PacketFanOut? ofThread;

    private readonly byte[] packet = new byte[MaxPacket];
    private int length;
    private RtpHeader header;
    private ReadOnlyMemory<Subscription> subscriptions;
    private SimulcastLayer? layer;
    private long arrival;
    private bool newest;

    /// <summary>Sends <paramref name="plain"/> (a packet of <paramref name="layer"/>) to each subscription that admits it.</summary>
    public static void Forward(ReadOnlyMemory<Subscription> subscriptions, SimulcastLayer layer, ReadOnlySpan<byte> plain, in RtpHeader header, long arrival, bool newest)
    {
        if (subscriptions.Length < SharedFrom || plain.Length > MaxPacket || FanOutHelper.Current is not { } helper)
        {
            MediaPeer.ForwardTo(subscriptions.Span, layer, plain, header, arrival, newest);
            return;
        }

        var fanOut = ofThread ??= new PacketFanOut();
        plain.CopyTo(fanOut.packet);
        (fanOut.length, fanOut.header, fanOut.subscriptions, fanOut.layer, fanOut.arrival, fanOut.newest) = (plain.Length, header, subscriptions, layer, arrival, newest);
        helper.Run(fanOut, (subscriptions.Length + ChunkSize - 1) / ChunkSize);
        (fanOut.subscriptions, fanOut.layer) = (default, null);
    }

    public void RunChunk(int chunk)
    {
        var all = subscriptions.Span;
        var start = chunk * ChunkSize;
        MediaPeer.ForwardTo(all[start..Math.Min(start + ChunkSize, all.Length)], layer!, packet.AsSpan(0, length), header, arrival, newest);
    }
}
