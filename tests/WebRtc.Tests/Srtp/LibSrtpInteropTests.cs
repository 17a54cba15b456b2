using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

/// <summary>Our SRTP against libsrtp, both directions, RTP across the sequence wrap and SRTCP, for both profiles.</summary>
public sealed class LibSrtpInteropTests
{
    [Theory]
    [MemberData(nameof(SrtpPair.Profiles), MemberType = typeof(SrtpPair))]
    public void Rtp_protected_by_us_is_accepted_by_libsrtp_and_the_other_way_round(SrtpProfile profile)
    {
        using var peers = new Peers(profile, weAreDtlsClient: true);
        var (ours, theirsIn, theirsOut) = (peers.Ours, peers.TheirsIn, peers.TheirsOut);

        for (var i = 0; i < 300; i++)
        {
            var sequence = (ushort)(65400 + i); // crosses into rollover counter 1
            var expected = SrtpPair.RtpPacket(sequence)[..SrtpPair.RtpLength()];

            var buffer = SrtpPair.RtpPacket(sequence);
            var sent = ours.ProtectRtp(buffer, SrtpPair.RtpLength());
            var length = theirsIn.UnprotectRtp(buffer, sent.Length);
            Assert.Equal(expected, buffer[..length]);

            buffer = SrtpPair.RtpPacket(sequence);
            length = theirsOut.ProtectRtp(buffer, SrtpPair.RtpLength());
            var received = ours.UnprotectRtp(buffer.AsSpan(0, length));
            Assert.True(received.IsSuccess, $"sequence {sequence}: {received.Failure}");
            Assert.Equal(expected, buffer[..received.Length]);
        }
    }

    [Theory]
    [MemberData(nameof(SrtpPair.Profiles), MemberType = typeof(SrtpPair))]
    public void Rtcp_protected_by_us_is_accepted_by_libsrtp_and_the_other_way_round(SrtpProfile profile)
    {
        using var peers = new Peers(profile, weAreDtlsClient: false);
        var (ours, theirsIn, theirsOut) = (peers.Ours, peers.TheirsIn, peers.TheirsOut);
        var expected = SrtpPair.RtcpPacket()[..SrtpPair.RtcpLength];

        for (var i = 0; i < 20; i++)
        {
            var buffer = SrtpPair.RtcpPacket();
            var sent = ours.ProtectRtcp(buffer, SrtpPair.RtcpLength);
            var length = theirsIn.UnprotectRtcp(buffer, sent.Length);
            Assert.Equal(expected, buffer[..length]);

            buffer = SrtpPair.RtcpPacket();
            length = theirsOut.ProtectRtcp(buffer, SrtpPair.RtcpLength);
            var received = ours.UnprotectRtcp(buffer.AsSpan(0, length));
            Assert.True(received.IsSuccess, received.Failure.ToString());
            Assert.Equal(expected, buffer[..received.Length]);
        }
    }

    /// <summary>Our session and libsrtp's two directions under the keys of one DTLS-SRTP handshake.</summary>
    private sealed class Peers : IDisposable
    {
        public Peers(SrtpProfile profile, bool weAreDtlsClient)
        {
            byte[] Random(int length) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
            var keys = new SrtpKeys(
                profile, Random(profile.MasterKeyLength()), Random(profile.MasterSaltLength()), Random(profile.MasterKeyLength()), Random(profile.MasterSaltLength()));
            var (ourKey, ourSalt, theirKey, theirSalt) = weAreDtlsClient
                ? (keys.ClientKey, keys.ClientSalt, keys.ServerKey, keys.ServerSalt)
                : (keys.ServerKey, keys.ServerSalt, keys.ClientKey, keys.ClientSalt);
            Ours = SrtpSession.Create(keys, weAreDtlsClient);
            TheirsIn = new LibSrtp(profile, ourKey, ourSalt, outbound: false);
            TheirsOut = new LibSrtp(profile, theirKey, theirSalt, outbound: true);
        }

        public SrtpSession Ours { get; }

        public LibSrtp TheirsIn { get; }

        public LibSrtp TheirsOut { get; }

        public void Dispose()
        {
            Ours.Dispose();
            TheirsIn.Dispose();
            TheirsOut.Dispose();
        }
    }
}
