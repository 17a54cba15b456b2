using System.Buffers.Binary;
using System.Text;

namespace Aspire.Hosting.Dashboard.Otlp;

internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}

/// <summary>A malformed protobuf payload; the receiver answers 400.</summary>
internal sealed class ProtoFormatException(string message) : Exception(message);

/// <summary>
/// Reads the protobuf wire format field by field. Only what OTLP needs: varints, fixed 32/64-bit values
/// and length-delimited fields (strings, bytes, nested messages); anything else can be skipped.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> buffer = buffer;
    private int position;

    public bool TryReadTag(out int field, out WireType wireType)
    {
        if (position >= buffer.Length)
        {
            field = 0;
            wireType = default;
            return false;
        }

        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (WireType)(tag & 0x7);
        if (field <= 0)
        {
            throw new ProtoFormatException("A field number must be positive.");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= buffer.Length)
            {
                throw new ProtoFormatException("A varint runs past the end of the message.");
            }

            var next = buffer[position++];
            result |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ProtoFormatException("A varint is longer than 10 bytes.");
    }

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public double ReadDouble() => BitConverter.UInt64BitsToDouble(ReadFixed64());

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > int.MaxValue)
        {
            throw new ProtoFormatException("A length-delimited field is too long.");
        }

        return Take((int)length);
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    /// <summary>Reads an integer field whichever way it was encoded (enums and int32/int64 are varints).</summary>
    public long ReadInt64(WireType wireType) => wireType switch
    {
        WireType.Varint => (long)ReadVarint(),
        WireType.Fixed64 => (long)ReadFixed64(),
        WireType.Fixed32 => ReadFixed32(),
        _ => throw new ProtoFormatException($"An integer field cannot have wire type {(int)wireType}."),
    };

    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Take(8);
                break;
            case WireType.LengthDelimited:
                ReadBytes();
                break;
            case WireType.Fixed32:
                Take(4);
                break;
            default:
                throw new ProtoFormatException($"Wire type {(int)wireType} is not supported.");
        }
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > buffer.Length - position)
        {
            throw new ProtoFormatException("A field runs past the end of the message.");
        }

        var slice = buffer.Slice(position, length);
        position += length;
        return slice;
    }
}
