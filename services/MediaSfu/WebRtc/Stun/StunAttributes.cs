using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Stun;

/// <summary>Where each attribute ICE uses sits in a datagram; found in one pass over the attribute list.</summary>
internal struct StunAttributes
{
    public Range Username;
    public Range Software;
    public Range Priority;
    public Range UseCandidate;
    public Range IceControlling;
    public Range IceControlled;
    public Range ErrorCode;
    public Range XorMappedAddress;

    /// <summary>Offset of the MESSAGE-INTEGRITY attribute header; 0 when absent (the header occupies offset 0).</summary>
    public int IntegrityOffset;

    public int FingerprintOffset;

    public static StunParseResult Read(ReadOnlySpan<byte> datagram, out StunAttributes found)
    {
        found = default;
        var offset = StunMessage.HeaderLength;
        while (offset < datagram.Length)
        {
            if (found.FingerprintOffset > 0)
            {
                return StunParseResult.FingerprintNotLast;
            }

            if (offset + 4 > datagram.Length)
            {
                return StunParseResult.TruncatedAttribute;
            }

            var type = BinaryPrimitives.ReadUInt16BigEndian(datagram[offset..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]);
            var valueOffset = offset + 4;
            if (valueOffset + length > datagram.Length)
            {
                return StunParseResult.TruncatedAttribute;
            }

            var result = found.Accept(type, new Range(valueOffset, length), offset, datagram);
            if (result != StunParseResult.Ok)
            {
                return result;
            }

            offset = valueOffset + ((length + 3) & ~3);
        }

        return offset == datagram.Length ? StunParseResult.Ok : StunParseResult.TruncatedAttribute;
    }

    private StunParseResult Accept(ushort type, Range value, int attributeOffset, ReadOnlySpan<byte> datagram)
    {
        if (type == StunAttributeType.Fingerprint)
        {
            FingerprintOffset = attributeOffset;
            return value.Length == 4 ? StunParseResult.Ok : StunParseResult.MalformedAttribute;
        }

        // Everything between MESSAGE-INTEGRITY and FINGERPRINT is outside the integrity check: ignore it (RFC 8489 §14.5).
        if (IntegrityOffset > 0)
        {
            return StunParseResult.Ok;
        }

        return type switch
        {
            StunAttributeType.MessageIntegrity => Set(ref IntegrityOffset, attributeOffset, value.Length == 20),
            StunAttributeType.Username => Set(ref Username, value, value.Length is > 0 and <= 513),
            StunAttributeType.Software => Set(ref Software, value, value.Length <= 763),
            StunAttributeType.Priority => Set(ref Priority, value, value.Length == 4),
            StunAttributeType.UseCandidate => Set(ref UseCandidate, value, value.Length == 0),
            StunAttributeType.IceControlling => Set(ref IceControlling, value, value.Length == 8),
            StunAttributeType.IceControlled => Set(ref IceControlled, value, value.Length == 8),
            StunAttributeType.ErrorCode => Set(ref ErrorCode, value, IsErrorCode(datagram.Slice(value.Offset, value.Length))),
            StunAttributeType.XorMappedAddress => Set(ref XorMappedAddress, value, value.Length is 8 or 20),
            < StunAttributeType.FirstComprehensionOptional => StunParseResult.UnknownComprehensionRequiredAttribute,
            _ => StunParseResult.Ok,
        };
    }

    private static bool IsErrorCode(ReadOnlySpan<byte> value) => value.Length >= 4 && (value[2] & 0x7) is >= 3 and <= 6 && value[3] < 100;

    private static StunParseResult Set(ref Range field, Range value, bool valid)
    {
        field = value;
        return valid ? StunParseResult.Ok : StunParseResult.MalformedAttribute;
    }

    private static StunParseResult Set(ref int field, int offset, bool valid)
    {
        field = offset;
        return valid ? StunParseResult.Ok : StunParseResult.MalformedAttribute;
    }

    /// <summary>An attribute value's place; <see cref="Offset"/> 0 means absent (values never start inside the header).</summary>
    public readonly record struct Range(int Offset, int Length);
}
