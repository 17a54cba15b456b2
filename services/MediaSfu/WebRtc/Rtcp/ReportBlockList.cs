namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>The report blocks of an SR or RR, read on demand.</summary>
public readonly ref struct ReportBlockList
{
    private readonly ReadOnlySpan<byte> blocks;

    public ReportBlockList(ReadOnlySpan<byte> blocks) => this.blocks = blocks;

    public int Count => blocks.Length / ReportBlock.Length;

    public ReportBlock this[int index] => ReportBlock.Read(blocks.Slice(index * ReportBlock.Length, ReportBlock.Length));

    /// <summary>The blocks of a report of this type whose fixed part is <paramref name="fixedLength"/> bytes; false if the packet is not one or is too short for its count.</summary>
    public static bool TryRead(RtcpPacket packet, byte type, int fixedLength, out ReportBlockList blocks)
    {
        blocks = default;
        var blocksLength = packet.Count * ReportBlock.Length;
        if (packet.Type != type || packet.Body.Length < fixedLength + blocksLength)
        {
            return false;
        }

        blocks = new ReportBlockList(packet.Body.Slice(fixedLength, blocksLength));
        return true;
    }

    /// <summary>Writes the blocks after a report's fixed part; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<ReportBlock> blocks)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i].Write(destination[(i * ReportBlock.Length)..]);
        }

        return blocks.Length * ReportBlock.Length;
    }
}
