namespace WebRtcChat.WebRtc.Stun;

/// <summary>FINGERPRINT: CRC-32 (ISO 3309, reflected 0xEDB88320) of the message, xor 0x5354554e (RFC 8489 §14.7).</summary>
internal static class StunFingerprint
{
    private const uint Xor = 0x5354554E;
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc ^ Xor;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
