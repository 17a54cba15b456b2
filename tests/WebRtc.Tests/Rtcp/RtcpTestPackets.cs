using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.WebRtc.Tests.Rtcp;

internal static class RtcpTestPackets
{
    /// <summary>Reads the only packet of <paramref name="bytes"/>, failing the test if it is not exactly one valid packet.</summary>
    public static RtcpPacket Single(byte[] bytes)
    {
        var reader = new RtcpCompoundReader(bytes);
        Assert.True(reader.TryRead(out var packet));
        Assert.False(reader.TryRead(out _));
        Assert.False(reader.IsMalformed);
        return packet;
    }

    public static RtcpFeedback Feedback(byte[] bytes)
    {
        Assert.True(RtcpFeedback.TryParse(Single(bytes), out var feedback));
        return feedback;
    }

    public static byte[] Written(Func<byte[], int> write)
    {
        var buffer = new byte[1500];
        return buffer[..write(buffer)];
    }
}
