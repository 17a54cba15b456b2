using WebRtcChat.MediaSfu.Media;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>A subscriber's copy of a publisher packet: the publisher's extensions gone, our send time and transport-wide sequence number in their place when negotiated.</summary>
public sealed class ForwardedPacketTests
{
    private const int PublisherMid = 4;
    private const int SubscriberSendTime = 3;
    private const int SubscriberTransportSequence = 5;
    private static readonly byte[] Payload = [0x90, 0x80, 0x12, 0x34, 1, 2, 3, 4, 5, 6, 7];

    [Fact]
    public void A_copy_carries_only_our_send_time_under_the_subscribers_id_and_the_payload_unchanged()
    {
        var packet = PublisherPacket();
        Assert.True(RtpHeader.TryParse(packet, out var header));
        var copy = new byte[packet.Length + ForwardedPacket.MaxGrowth];
        var sendTime = RtpExtensionValues.ToAbsSendTime(TimeSpan.FromSeconds(70.25));

        var length = ForwardedPacket.Write(copy, packet, header, payloadType: 100, ssrc: 0xCAFE, sequenceNumber: 7, timestamp: 9000, new CopyExtensions(SubscriberSendTime, sendTime));

        Assert.True(RtpHeader.TryParse(copy.AsSpan(0, length), out var forwarded));
        Assert.Equal((100, 0xCAFEu, (ushort)7, 9000u), (forwarded.PayloadType, forwarded.Ssrc, forwarded.SequenceNumber, forwarded.Timestamp));
        Assert.Equal(Payload, copy.AsSpan(forwarded.PayloadOffset, length - forwarded.PayloadOffset).ToArray());
        Assert.Equal(forwarded.PayloadOffset, ForwardedPacket.PayloadOffset(header, new CopyExtensions(SubscriberSendTime)));
        Assert.False(RtpExtensionReader.TryFind(copy.AsSpan(0, length), forwarded, PublisherMid, out _));
        Assert.True(RtpExtensionReader.TryFind(copy.AsSpan(0, length), forwarded, SubscriberSendTime, out var element));
        // 70.25 s wraps at 64 s to 6.25 s.
        Assert.Equal(TimeSpan.FromSeconds(6.25), RtpExtensionValues.FromAbsSendTime(RtpExtensionValues.ReadAbsSendTime(element.ValueIn(copy))));
    }

    [Fact]
    public void A_copy_with_both_extensions_has_its_transport_sequence_number_where_the_sender_stamps_it()
    {
        var packet = PublisherPacket();
        Assert.True(RtpHeader.TryParse(packet, out var header));
        var copy = new byte[packet.Length + ForwardedPacket.MaxGrowth];
        var extensions = new CopyExtensions(SubscriberSendTime, RtpExtensionValues.ToAbsSendTime(TimeSpan.FromSeconds(2)), SubscriberTransportSequence);

        var length = ForwardedPacket.Write(copy, packet, header, payloadType: 100, ssrc: 0xCAFE, sequenceNumber: 7, timestamp: 9000, extensions);
        RtpExtensionValues.WriteTransportSequence(copy.AsSpan(ForwardedPacket.TransportSequenceOffset(header, extensions)), 0xBEEF);

        Assert.True(RtpHeader.TryParse(copy.AsSpan(0, length), out var forwarded));
        Assert.Equal(forwarded.PayloadOffset, ForwardedPacket.PayloadOffset(header, extensions));
        Assert.Equal(Payload, copy.AsSpan(forwarded.PayloadOffset, length - forwarded.PayloadOffset).ToArray());
        Assert.True(RtpExtensionReader.TryFind(copy.AsSpan(0, length), forwarded, SubscriberTransportSequence, out var sequence));
        Assert.Equal(0xBEEF, RtpExtensionValues.ReadTransportSequence(sequence.ValueIn(copy)));
        Assert.True(RtpExtensionReader.TryFind(copy.AsSpan(0, length), forwarded, SubscriberSendTime, out var sendTime));
        Assert.Equal(TimeSpan.FromSeconds(2), RtpExtensionValues.FromAbsSendTime(RtpExtensionValues.ReadAbsSendTime(sendTime.ValueIn(copy))));
        Assert.Equal(-1, ForwardedPacket.TransportSequenceOffset(header, new CopyExtensions(SubscriberSendTime)));
    }

    [Fact]
    public void Without_a_negotiated_send_time_a_copy_has_no_extensions_at_all()
    {
        var packet = PublisherPacket();
        Assert.True(RtpHeader.TryParse(packet, out var header));
        var copy = new byte[packet.Length];

        var length = ForwardedPacket.Write(copy, packet, header, payloadType: 100, ssrc: 0xCAFE, sequenceNumber: 7, timestamp: 9000);

        Assert.True(RtpHeader.TryParse(copy.AsSpan(0, length), out var forwarded));
        Assert.False(forwarded.HasExtension);
        Assert.Equal(RtpHeader.FixedLength, forwarded.PayloadOffset);
        Assert.Equal(Payload, copy.AsSpan(forwarded.PayloadOffset, length - forwarded.PayloadOffset).ToArray());
    }

    [Fact]
    public void The_longest_packet_a_publisher_can_send_without_extensions_still_fits_with_both_extensions()
    {
        var packet = new byte[1500];
        RtpPacketWriter.WriteFixedHeader(packet, 96, 1, 2, 3);
        Assert.True(RtpHeader.TryParse(packet, out var header));

        var length = ForwardedPacket.Write(new byte[packet.Length + ForwardedPacket.MaxGrowth], packet, header, 100, 0xCAFE, 7, 9000, new CopyExtensions(SubscriberSendTime, 1, SubscriberTransportSequence));

        Assert.Equal(packet.Length + ForwardedPacket.MaxGrowth, length);
    }

    /// <summary>A publisher's VP8 packet with its mid extension (which the copy must drop).</summary>
    private static byte[] PublisherPacket()
    {
        var packet = new byte[64];
        var position = RtpPacketWriter.WriteFixedHeader(packet, 96, sequenceNumber: 1000, timestamp: 123_456, ssrc: 0x1234, hasExtension: true);
        var extensions = new RtpExtensionWriter(packet.AsSpan(position), twoByte: false);
        Assert.True(extensions.TryAdd(PublisherMid, "0"u8));
        position += extensions.Finish();
        Payload.CopyTo(packet, position);
        return packet[..(position + Payload.Length)];
    }
}
