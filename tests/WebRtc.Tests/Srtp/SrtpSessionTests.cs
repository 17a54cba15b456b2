using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

public sealed class SrtpSessionTests
{
    [Theory]
    [MemberData(nameof(SrtpPair.Profiles), MemberType = typeof(SrtpPair))]
    public void Rtp_round_trips_from_client_to_server_and_back(SrtpProfile profile)
    {
        using var pair = new SrtpPair(profile);
        var original = SrtpPair.RtpPacket(7)[..SrtpPair.RtpLength()];
        var buffer = SrtpPair.RtpPacket(7);

        var sent = pair.Client.ProtectRtp(buffer, SrtpPair.RtpLength());
        Assert.Equal(SrtpPair.RtpLength() + profile.TagLength(), sent.Length);
        Assert.NotEqual(original[24..], buffer[24..SrtpPair.RtpLength()]);
        Assert.Equal(original[..24], buffer[..24]);
        var received = pair.Server.UnprotectRtp(buffer.AsSpan(0, sent.Length));
        Assert.Equal(SrtpResult.Ok(original.Length), received);
        Assert.Equal(original, buffer[..received.Length]);

        var back = SrtpPair.RtpPacket(9);
        var backLength = pair.Server.ProtectRtp(back, SrtpPair.RtpLength()).Length;
        Assert.True(pair.Client.UnprotectRtp(back.AsSpan(0, backLength)).IsSuccess);
        Assert.Equal(SrtpPair.RtpPacket(9)[..SrtpPair.RtpLength()], back[..SrtpPair.RtpLength()]);
    }

    [Theory]
    [MemberData(nameof(SrtpPair.Profiles), MemberType = typeof(SrtpPair))]
    public void Rtcp_round_trips_and_a_replayed_one_is_rejected(SrtpProfile profile)
    {
        using var pair = new SrtpPair(profile);
        var buffer = SrtpPair.RtcpPacket();

        var sent = pair.Client.ProtectRtcp(buffer, SrtpPair.RtcpLength);
        Assert.Equal(SrtpPair.RtcpLength + profile.TagLength() + 4, sent.Length);
        var wire = buffer[..sent.Length];
        var received = pair.Server.UnprotectRtcp(buffer.AsSpan(0, sent.Length));

        Assert.Equal(SrtpResult.Ok(SrtpPair.RtcpLength), received);
        Assert.Equal(SrtpPair.RtcpPacket()[..SrtpPair.RtcpLength], buffer[..SrtpPair.RtcpLength]);
        Assert.Equal(SrtpFailure.Replayed, pair.Server.UnprotectRtcp(wire).Failure);
    }

    [Theory]
    [InlineData(SrtpProfile.Aes128CmHmacSha1_80, 2)] // header
    [InlineData(SrtpProfile.Aes128CmHmacSha1_80, 40)] // payload
    [InlineData(SrtpProfile.Aes128CmHmacSha1_80, -1)] // tag
    [InlineData(SrtpProfile.AeadAes128Gcm, 2)]
    [InlineData(SrtpProfile.AeadAes128Gcm, 40)]
    [InlineData(SrtpProfile.AeadAes128Gcm, -1)]
    public void A_tampered_rtp_packet_is_rejected(SrtpProfile profile, int position)
    {
        using var pair = new SrtpPair(profile);
        var wire = pair.ProtectRtp(1);
        wire[position < 0 ? wire.Length + position : position] ^= 0x01;

        Assert.Equal(SrtpFailure.AuthenticationFailed, pair.ServerUnprotects(wire).Failure);
        Assert.Equal(0, pair.Server.Inbound.StreamCount);
    }

    [Theory]
    [InlineData(SrtpProfile.Aes128CmHmacSha1_80, 1)]
    [InlineData(SrtpProfile.Aes128CmHmacSha1_80, 12)]
    [InlineData(SrtpProfile.Aes128CmHmacSha1_80, -1)]
    [InlineData(SrtpProfile.AeadAes128Gcm, 1)]
    [InlineData(SrtpProfile.AeadAes128Gcm, 12)]
    [InlineData(SrtpProfile.AeadAes128Gcm, -1)]
    public void A_tampered_rtcp_packet_is_rejected(SrtpProfile profile, int position)
    {
        using var pair = new SrtpPair(profile);
        var buffer = SrtpPair.RtcpPacket();
        var wire = buffer[..pair.Client.ProtectRtcp(buffer, SrtpPair.RtcpLength).Length];
        wire[position < 0 ? wire.Length + position : position] ^= 0x01;

        Assert.Equal(SrtpFailure.AuthenticationFailed, pair.Server.UnprotectRtcp(wire).Failure);
    }

    [Theory]
    [MemberData(nameof(SrtpPair.Profiles), MemberType = typeof(SrtpPair))]
    public void A_replayed_rtp_packet_is_rejected(SrtpProfile profile)
    {
        using var pair = new SrtpPair(profile);
        var wire = pair.ProtectRtp(100);

        Assert.True(pair.ServerUnprotects(wire).IsSuccess);
        Assert.Equal(SrtpFailure.Replayed, pair.ServerUnprotects(wire).Failure);
    }

    [Theory]
    [MemberData(nameof(SrtpPair.Profiles), MemberType = typeof(SrtpPair))]
    public void Packets_reordered_within_the_window_are_accepted_and_older_ones_are_not(SrtpProfile profile)
    {
        using var pair = new SrtpPair(profile);
        var packets = Enumerable.Range(1000, 200).Select(s => pair.ProtectRtp((ushort)s)).ToArray();

        Assert.True(pair.ServerUnprotects(packets[199]).IsSuccess);
        Assert.True(pair.ServerUnprotects(packets[199 - 100]).IsSuccess);
        Assert.True(pair.ServerUnprotects(packets[199 - (SrtpReplayWindow.Size - 1)]).IsSuccess);
        Assert.Equal(SrtpFailure.Replayed, pair.ServerUnprotects(packets[199 - SrtpReplayWindow.Size]).Failure);
    }

    [Theory]
    [MemberData(nameof(SrtpPair.Profiles), MemberType = typeof(SrtpPair))]
    public void A_wrong_key_packet_neither_creates_a_stream_nor_moves_the_rollover_counter(SrtpProfile profile)
    {
        using var pair = new SrtpPair(profile);
        Assert.True(pair.ServerUnprotects(pair.ProtectRtp(65000)).IsSuccess);

        // Protected with the server's own outbound key: well-formed, but not under the key the server expects.
        var forged = SrtpPair.RtpPacket(10);
        var forgedLength = pair.Server.ProtectRtp(forged, SrtpPair.RtpLength()).Length;
        Assert.Equal(SrtpFailure.AuthenticationFailed, pair.Server.UnprotectRtp(forged.AsSpan(0, forgedLength)).Failure);
        Assert.Equal(0u, pair.Server.Inbound.GetRolloverCounter(SrtpPair.Ssrc));

        var forgedNewStream = SrtpPair.RtpPacket(10, ssrc: 0x55555555);
        var newLength = pair.Server.ProtectRtp(forgedNewStream, SrtpPair.RtpLength()).Length;
        Assert.Equal(SrtpFailure.AuthenticationFailed, pair.Server.UnprotectRtp(forgedNewStream.AsSpan(0, newLength)).Failure);
        Assert.Equal(1, pair.Server.Inbound.StreamCount);

        // The genuine packet 10 (after the wrap) is still fresh and lands in rollover counter 1.
        Assert.True(pair.ServerUnprotects(pair.ProtectRtp(10)).IsSuccess);
        Assert.Equal(1u, pair.Server.Inbound.GetRolloverCounter(SrtpPair.Ssrc));
    }

    [Fact]
    public void Streams_beyond_the_limit_are_refused()
    {
        var keys = new SrtpKeys(SrtpProfile.AeadAes128Gcm, new byte[16], new byte[12], new byte[16], new byte[12]);
        using var sender = SrtpSession.Create(keys, isDtlsClient: true);
        using var receiver = SrtpSession.Create(keys, isDtlsClient: false, maxStreams: 2);

        for (uint ssrc = 1; ssrc <= 3; ssrc++)
        {
            var packet = SrtpPair.RtpPacket(1, ssrc: ssrc);
            var length = sender.ProtectRtp(packet, SrtpPair.RtpLength()).Length;
            var result = receiver.UnprotectRtp(packet.AsSpan(0, length));
            Assert.Equal(ssrc <= 2 ? SrtpFailure.None : SrtpFailure.TooManyStreams, result.Failure);
        }
    }

    [Theory]
    [MemberData(nameof(SrtpPair.Profiles), MemberType = typeof(SrtpPair))]
    public void Truncated_and_garbage_packets_fail_cleanly(SrtpProfile profile)
    {
        using var pair = new SrtpPair(profile);
        var wire = pair.ProtectRtp(5);
        for (var length = 0; length < wire.Length; length++)
        {
            Assert.False(pair.Server.UnprotectRtp(wire.AsSpan(0, length).ToArray()).IsSuccess);
            Assert.False(pair.Server.UnprotectRtcp(wire.AsSpan(0, length).ToArray()).IsSuccess);
        }

        var random = new Random(7);
        var garbage = new byte[80];
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(garbage);
            Assert.False(pair.Server.UnprotectRtp(garbage).IsSuccess);
            Assert.False(pair.Server.UnprotectRtcp(garbage).IsSuccess);
        }

        Assert.Equal(0, pair.Server.Inbound.StreamCount);
    }

    [Theory]
    [MemberData(nameof(SrtpPair.Profiles), MemberType = typeof(SrtpPair))]
    public void A_padded_packet_keeps_its_padding_through_srtp(SrtpProfile profile)
    {
        using var pair = new SrtpPair(profile);
        var buffer = SrtpPair.RtpPacket(3);
        buffer[0] |= 0x20;
        buffer[SrtpPair.RtpLength() - 1] = 4; // the last 4 payload bytes are padding

        var sent = pair.Client.ProtectRtp(buffer, SrtpPair.RtpLength());
        var received = pair.Server.UnprotectRtp(buffer.AsSpan(0, sent.Length));

        Assert.True(received.IsSuccess);
        Assert.True(RtpHeader.TryParse(buffer.AsSpan(0, received.Length), out var header));
        Assert.Equal((4, 96), (header.PaddingLength, header.PayloadLength));
    }

    [Fact]
    public void Protect_refuses_a_buffer_without_room_for_the_tag()
    {
        using var pair = new SrtpPair(SrtpProfile.AeadAes128Gcm);
        var packet = SrtpPair.RtpPacket(1)[..(SrtpPair.RtpLength() + 15)];

        Assert.Equal(SrtpFailure.BufferTooSmall, pair.Client.ProtectRtp(packet, SrtpPair.RtpLength()).Failure);
    }
}
