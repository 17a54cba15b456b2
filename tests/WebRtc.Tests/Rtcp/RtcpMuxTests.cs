using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.WebRtc.Tests.Rtcp;

public sealed class RtcpMuxTests
{
    [Theory]
    [InlineData("80C8", true)] // SR
    [InlineData("81CD", true)] // transport feedback
    [InlineData("80DF", true)] // 223, the last RTCP type
    [InlineData("8060", false)] // RTP payload type 96
    [InlineData("80E0", false)] // RTP marker + payload type 96
    [InlineData("80BF", false)] // RTP marker + payload type 63
    [InlineData("40C8", false)] // not version 2
    [InlineData("80", false)]
    public void Rtcp_is_told_from_rtp_by_its_packet_type(string hex, bool rtcp)
    {
        Assert.Equal(rtcp, RtcpMux.IsRtcp(Hex.Bytes(hex)));
    }
}
