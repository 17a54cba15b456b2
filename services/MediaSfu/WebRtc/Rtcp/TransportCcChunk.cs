namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>
/// Packet status chunks of transport-wide CC feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1):
/// a run-length chunk (one status repeated up to 8191 times) or a status vector of 14 one-bit or 7 two-bit symbols.
/// Statuses: 0 not received, 1 received with a small delta (1 byte), 2 received with a large or negative delta (2 bytes).
/// </summary>
internal static class TransportCcChunk
{
    public const int NotReceived = 0;
    public const int SmallDelta = 1;
    public const int LargeDelta = 2;
    public const int MaxRunLength = 0x1FFF;
    public const int OneBitSymbols = 14;
    public const int TwoBitSymbols = 7;

    /// <summary>How many statuses the chunk holds.</summary>
    public static int SymbolCount(ushort chunk) =>
        (chunk & 0x8000) == 0 ? chunk & MaxRunLength : (chunk & 0x4000) == 0 ? OneBitSymbols : TwoBitSymbols;

    /// <summary>The k-th status in the chunk.</summary>
    public static int Symbol(ushort chunk, int k) =>
        (chunk & 0x8000) == 0 ? (chunk >> 13) & 0x03
        : (chunk & 0x4000) == 0 ? (chunk >> (13 - k)) & 0x01
        : (chunk >> (12 - (2 * k))) & 0x03;

    public static ushort RunLength(int status, int length) => (ushort)((status << 13) | length);

    /// <summary>
    /// The chunk that best encodes statuses from <paramref name="statuses"/>[0]: a run if 14 or more repeat, else a
    /// one-bit vector if no large deltas are among the next 14, else a two-bit vector of 7; returns it and how many
    /// statuses it covers (vectors at the end cover fewer than they hold; the rest are zero).
    /// </summary>
    public static (ushort Chunk, int Covered) Encode(ReadOnlySpan<byte> statuses)
    {
        var run = 1;
        while (run < statuses.Length && run < MaxRunLength && statuses[run] == statuses[0])
        {
            run++;
        }

        if (run >= OneBitSymbols || run == statuses.Length)
        {
            return (RunLength(statuses[0], run), run);
        }

        var oneBit = Math.Min(OneBitSymbols, statuses.Length);
        if (!statuses[..oneBit].Contains((byte)LargeDelta))
        {
            var chunk = 0x8000;
            for (var k = 0; k < oneBit; k++)
            {
                chunk |= statuses[k] << (13 - k);
            }

            return ((ushort)chunk, oneBit);
        }

        var twoBit = Math.Min(TwoBitSymbols, statuses.Length);
        var vector = 0xC000;
        for (var k = 0; k < twoBit; k++)
        {
            vector |= statuses[k] << (12 - (2 * k));
        }

        return ((ushort)vector, twoBit);
    }
}
