namespace WebRtcChat.WebRtc.Rtp;

/// <summary>
/// Walks the elements of a packet's header extension in the one-byte (profile 0xBEDE) or two-byte (0x100X) form of
/// RFC 8285. Padding bytes are skipped; an element that overruns the block ends the walk and sets
/// <see cref="IsMalformed"/>; any other profile yields no elements.
/// </summary>
public ref struct RtpExtensionReader
{
    public const ushort OneByteProfile = 0xBEDE;
    public const ushort TwoByteProfile = 0x1000;
    public const ushort TwoByteProfileMask = 0xFFF0;

    private const int OneByteStopId = 15;

    private readonly ReadOnlySpan<byte> packet;
    private readonly int end;
    private readonly bool twoByte;
    private int position;

    public RtpExtensionReader(ReadOnlySpan<byte> packet, in RtpHeader header)
    {
        this.packet = packet;
        position = header.ExtensionOffset;
        twoByte = (header.ExtensionProfile & TwoByteProfileMask) == TwoByteProfile;
        var known = header.HasExtension && (twoByte || header.ExtensionProfile == OneByteProfile);
        end = known ? header.ExtensionOffset + header.ExtensionLength : position;
    }

    public bool IsMalformed { get; private set; }

    public bool TryRead(out RtpExtensionElement element)
    {
        element = default;
        while (position < end)
        {
            var first = packet[position];
            if (first == 0)
            {
                position++;
                continue;
            }

            int id, length, valueOffset;
            if (twoByte)
            {
                if (position + 2 > end)
                {
                    return Malformed();
                }

                (id, length, valueOffset) = (first, packet[position + 1], position + 2);
            }
            else
            {
                id = first >> 4;
                if (id == OneByteStopId)
                {
                    position = end;
                    return false;
                }

                (length, valueOffset) = ((first & 0x0F) + 1, position + 1);
            }

            if (valueOffset + length > end)
            {
                return Malformed();
            }

            position = valueOffset + length;
            element = new RtpExtensionElement(id, valueOffset, length);
            return true;
        }

        return false;
    }

    /// <summary>The element with this id in the packet, if present and well-formed.</summary>
    public static bool TryFind(ReadOnlySpan<byte> packet, in RtpHeader header, int id, out RtpExtensionElement element)
    {
        var reader = new RtpExtensionReader(packet, header);
        while (reader.TryRead(out element))
        {
            if (element.Id == id)
            {
                return true;
            }
        }

        element = default;
        return false;
    }

    private bool Malformed()
    {
        IsMalformed = true;
        position = end;
        return false;
    }
}
