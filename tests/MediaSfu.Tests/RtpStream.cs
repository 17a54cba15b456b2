using System.Buffers.Binary;
using System.Collections.Concurrent;
using WebRtcChat.MediaSfu.Media;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>Numbered VP8-typed RTP packets with random payloads, and what a receiver collected of them.</summary>
public sealed class RtpStream
{
    private readonly Random random = new(7);

    public List<byte[]> Sent { get; } = [];

    public ConcurrentQueue<byte[]> Received { get; } = new();

    /// <summary>Sends <paramref name="count"/> video packets from <paramref name="publisher"/> and waits for <paramref name="subscriber"/> to receive them.</summary>
    public static async Task<RtpStream> ForwardAsync(ClientPeer publisher, ClientPeer subscriber, int count = 100)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        var stream = new RtpStream();
        stream.Collect(subscriber);
        await stream.SendAsync(publisher, publisher.SsrcOf("1"), count);
        await stream.WaitForAllAsync();
        return stream;
    }

    public void Collect(ClientPeer receiver) => receiver.RtpReceived += packet => Received.Enqueue(packet.ToArray());

    /// <summary>Sends <paramref name="count"/> packets of <paramref name="ssrc"/>, pacing them gently.</summary>
    public async Task SendAsync(ClientPeer sender, uint ssrc, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var packet = new byte[RtpHeader.FixedLength + 900];
            RtpPacketWriter.WriteFixedHeader(packet, SdpOfferBuilder.Vp8PayloadType, (ushort)(1000 + Sent.Count), (uint)(90 * Sent.Count), ssrc, marker: true);
            random.NextBytes(packet.AsSpan(RtpHeader.FixedLength));
            BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(RtpHeader.FixedLength), Sent.Count);
            sender.SendRtp(packet);
            Sent.Add(packet);
            if (i % 20 == 19)
            {
                await Task.Delay(5);
            }
        }
    }

    /// <summary>
    /// A packet the subscriber received, as its publisher sent it: the SFU's copy carries two header extensions of its
    /// own leg, its send time (abs-send-time, 3 bytes) and a transport-wide sequence number (2 bytes; our client stack
    /// negotiates both), where the publisher's packet had none.
    /// </summary>
    public static byte[] AsSent(byte[] received)
    {
        Assert.True(RtpHeader.TryParse(received, out var header));
        var extensions = new RtpExtensionReader(received, header);
        Assert.True(extensions.TryRead(out var sendTime), "the forwarded copy carries no send time");
        Assert.Equal(RtpExtensionValues.AbsSendTimeLength, sendTime.Length);
        Assert.True(extensions.TryRead(out var transportSequence), "the forwarded copy carries no transport-wide sequence number");
        Assert.Equal(RtpExtensionValues.TransportSequenceLength, transportSequence.Length);
        Assert.False(extensions.TryRead(out _), "the forwarded copy carries more than its send time and transport-wide sequence number");
        byte[] sent = [.. received.AsSpan(0, ForwardedPacket.PayloadOffset(header)), .. received.AsSpan(header.PayloadOffset)];
        sent[0] &= 0xEF; // the extension bit
        return sent;
    }

    public async Task WaitForAllAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Received.Count < Sent.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
