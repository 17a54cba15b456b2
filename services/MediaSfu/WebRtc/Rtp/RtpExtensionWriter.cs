using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtp;

/// <summary>
/// Writes a header extension block (RFC 8285) at the start of <c>destination</c>: the profile/length word, then the
/// elements, then zero padding to a 32-bit boundary. One-byte form takes ids 1-14 and values of 1-16 bytes; two-byte
/// form ids 1-255 and values of 0-255 bytes.
/// </summary>
public ref struct RtpExtensionWriter
{
    private const int WordLength = 4;

    private readonly Span<byte> destination;
    private readonly bool twoByte;
    private int position = WordLength;

    public RtpExtensionWriter(Span<byte> destination, bool twoByte)
    {
        this.destination = destination;
        this.twoByte = twoByte;
    }

    /// <summary>Adds an element; false (nothing written) if the id or length does not fit the form or the space.</summary>
    public bool TryAdd(int id, scoped ReadOnlySpan<byte> value)
    {
        var fits = twoByte
            ? id is >= 1 and <= 255 && value.Length <= 255
            : id is >= 1 and <= 14 && value.Length is >= 1 and <= 16;
        var headerLength = twoByte ? 2 : 1;
        if (!fits || position + headerLength + value.Length > destination.Length)
        {
            return false;
        }

        if (twoByte)
        {
            destination[position] = (byte)id;
            destination[position + 1] = (byte)value.Length;
        }
        else
        {
            destination[position] = (byte)((id << 4) | (value.Length - 1));
        }

        value.CopyTo(destination[(position + headerLength)..]);
        position += headerLength + value.Length;
        return true;
    }

    /// <summary>Pads and writes the profile/length word; returns the block's total length, or -1 without room.</summary>
    public readonly int Finish()
    {
        var padded = (position + WordLength - 1) / WordLength * WordLength;
        if (padded > destination.Length)
        {
            return -1;
        }

        destination[position..padded].Clear();
        var profile = twoByte ? RtpExtensionReader.TwoByteProfile : RtpExtensionReader.OneByteProfile;
        BinaryPrimitives.WriteUInt16BigEndian(destination, profile);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((padded - WordLength) / WordLength));
        return padded;
    }
}
