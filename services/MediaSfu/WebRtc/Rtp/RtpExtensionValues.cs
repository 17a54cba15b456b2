using System.Buffers.Binary;
using System.Text;

namespace WebRtcChat.WebRtc.Rtp;

/// <summary>
/// Typed values of the header extensions an SFU reads and rewrites: mid, rid and repaired-rid (RFC 8843, 8852: ASCII),
/// abs-send-time (6.18 fixed-point seconds, 24 bits), transport-wide-cc sequence number (16 bits) and audio level
/// (RFC 6464: voice flag and level in -dBov).
/// </summary>
public static class RtpExtensionValues
{
    public const int AbsSendTimeLength = 3;
    public const int TransportSequenceLength = 2;
    public const int AudioLevelLength = 1;

    private const int AbsSendTimeFractionBits = 18;
    private const long AbsSendTimeWrap = 64 * TimeSpan.TicksPerSecond;

    /// <summary>An identifier value (mid, rid, repaired-rid) as a string; allocates, so compare spans on hot paths.</summary>
    public static string ReadIdentifier(ReadOnlySpan<byte> value) => Encoding.ASCII.GetString(value);

    public static bool IdentifierEquals(ReadOnlySpan<byte> value, string identifier)
    {
        if (value.Length != identifier.Length)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != identifier[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Bytes of an identifier for <see cref="RtpExtensionWriter.TryAdd"/>.</summary>
    public static byte[] IdentifierBytes(string identifier) => Encoding.ASCII.GetBytes(identifier);

    public static uint ReadAbsSendTime(ReadOnlySpan<byte> value) =>
        (uint)((value[0] << 16) | (value[1] << 8) | value[2]);

    public static void WriteAbsSendTime(Span<byte> value, uint absSendTime)
    {
        value[0] = (byte)(absSendTime >> 16);
        value[1] = (byte)(absSendTime >> 8);
        value[2] = (byte)absSendTime;
    }

    /// <summary>A send time as abs-send-time: seconds in 6.18 fixed point, wrapping every 64 s (any clock: receivers use differences).</summary>
    public static uint ToAbsSendTime(TimeSpan sendTime) =>
        (uint)(((sendTime.Ticks % AbsSendTimeWrap) << AbsSendTimeFractionBits) / TimeSpan.TicksPerSecond) & 0xFF_FFFF;

    public static TimeSpan FromAbsSendTime(uint absSendTime) =>
        TimeSpan.FromTicks((long)absSendTime * TimeSpan.TicksPerSecond >> AbsSendTimeFractionBits);

    public static ushort ReadTransportSequence(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadUInt16BigEndian(value);

    public static void WriteTransportSequence(Span<byte> value, ushort sequence) =>
        BinaryPrimitives.WriteUInt16BigEndian(value, sequence);

    /// <summary>The voice-activity flag and the level in -dBov (0 loudest, 127 silence).</summary>
    public static (bool Voice, byte Level) ReadAudioLevel(ReadOnlySpan<byte> value) =>
        ((value[0] & 0x80) != 0, (byte)(value[0] & 0x7F));

    public static void WriteAudioLevel(Span<byte> value, bool voice, byte level) =>
        value[0] = (byte)((voice ? 0x80 : 0) | Math.Min(level, (byte)127));
}
