namespace WebRtcChat.WebRtc.Ice;

/// <summary>What a datagram on the shared port is, by its first byte (RFC 7983 §7).</summary>
internal enum DatagramKind
{
    Unknown,
    Stun,
    Dtls,
    Rtp,
}

internal static class DatagramClassifier
{
    public static DatagramKind Classify(ReadOnlySpan<byte> datagram) => datagram.IsEmpty ? DatagramKind.Unknown : datagram[0] switch
    {
        <= 3 => DatagramKind.Stun,
        >= 20 and <= 63 => DatagramKind.Dtls,
        >= 128 and <= 191 => DatagramKind.Rtp,
        _ => DatagramKind.Unknown,
    };
}
