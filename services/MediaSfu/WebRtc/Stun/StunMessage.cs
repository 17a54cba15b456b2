using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace WebRtcChat.WebRtc.Stun;

/// <summary>
/// A parsed view over one STUN datagram (RFC 8489): the span is not copied, so the message lives only as long as the
/// buffer. Parsing never throws; <see cref="TryParse"/> says why a datagram is not acceptable.
/// </summary>
public readonly ref struct StunMessage
{
    public const uint MagicCookie = 0x2112A442;
    public const int HeaderLength = 20;
    public const int TransactionIdLength = 12;
    private const int IntegrityLength = 20;
    private const int FingerprintAttributeLength = 8;
    private const int MaxStackCopy = 2048;

    private readonly ReadOnlySpan<byte> datagram;
    private readonly StunAttributes attributes;

    private StunMessage(ReadOnlySpan<byte> datagram, StunAttributes attributes)
    {
        this.datagram = datagram;
        this.attributes = attributes;
    }

    public StunMessageType Type => (StunMessageType)BinaryPrimitives.ReadUInt16BigEndian(datagram);

    public ReadOnlySpan<byte> TransactionId => datagram.Slice(8, TransactionIdLength);

    public ReadOnlySpan<byte> Username => Value(attributes.Username);

    public ReadOnlySpan<byte> Software => Value(attributes.Software);

    public uint? Priority => attributes.Priority.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(Value(attributes.Priority)) : null;

    public bool UseCandidate => attributes.UseCandidate.Offset > 0;

    public ulong? IceControlling => TieBreaker(attributes.IceControlling);

    public ulong? IceControlled => TieBreaker(attributes.IceControlled);

    public int? ErrorCode => attributes.ErrorCode.Length >= 4
        ? (Value(attributes.ErrorCode)[2] & 0x7) * 100 + Value(attributes.ErrorCode)[3]
        : null;

    public bool HasMessageIntegrity => attributes.IntegrityOffset > 0;

    public bool HasFingerprint => attributes.FingerprintOffset > 0;

    /// <summary>True when the first byte says STUN (RFC 7983: 0–3); a cheap demultiplexing test before parsing.</summary>
    public static bool LooksLikeStun(ReadOnlySpan<byte> datagram) => datagram.Length > 0 && datagram[0] <= 3;

    public static StunParseResult TryParse(ReadOnlySpan<byte> datagram, out StunMessage message)
    {
        message = default;
        if (datagram.Length < HeaderLength)
        {
            return StunParseResult.TooShort;
        }

        if ((datagram[0] & 0xC0) != 0 || BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]) != MagicCookie)
        {
            return StunParseResult.NotStun;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        if ((length & 3) != 0 || HeaderLength + length != datagram.Length)
        {
            return StunParseResult.LengthMismatch;
        }

        var result = StunAttributes.Read(datagram, out var attributes);
        if (result == StunParseResult.Ok && attributes.FingerprintOffset > 0 && !FingerprintMatches(datagram, attributes.FingerprintOffset))
        {
            return StunParseResult.BadFingerprint;
        }

        if (result == StunParseResult.Ok)
        {
            message = new StunMessage(datagram, attributes);
        }

        return result;
    }

    /// <summary>XOR-MAPPED-ADDRESS, decoded (allocates the endpoint; responses only).</summary>
    public bool TryGetXorMappedAddress(out IPEndPoint? endPoint)
    {
        endPoint = null;
        return attributes.XorMappedAddress.Offset > 0 && XorAddress.TryRead(Value(attributes.XorMappedAddress), datagram, out endPoint);
    }

    public bool UsernameEquals(string expected)
    {
        Span<byte> bytes = stackalloc byte[Encoding.UTF8.GetMaxByteCount(expected.Length)];
        return Username.SequenceEqual(bytes[..Encoding.UTF8.GetBytes(expected, bytes)]);
    }

    /// <summary>
    /// Checks MESSAGE-INTEGRITY with a short-term key (the password's bytes): HMAC-SHA1 over the message up to the attribute,
    /// with the header length as if the attribute were the last one (RFC 8489 §14.5).
    /// </summary>
    public bool VerifyIntegrity(ReadOnlySpan<byte> key)
    {
        var offset = attributes.IntegrityOffset;
        if (offset == 0)
        {
            return false;
        }

        var rented = offset > MaxStackCopy ? ArrayPool<byte>.Shared.Rent(offset) : null;
        var covered = rented is null ? stackalloc byte[offset] : rented.AsSpan(0, offset);
        datagram[..offset].CopyTo(covered);
        BinaryPrimitives.WriteUInt16BigEndian(covered[2..], (ushort)(offset - HeaderLength + 4 + IntegrityLength));
        Span<byte> mac = stackalloc byte[IntegrityLength];
        HMACSHA1.HashData(key, covered, mac);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return CryptographicOperations.FixedTimeEquals(mac, datagram.Slice(offset + 4, IntegrityLength));
    }

    public bool VerifyIntegrity(string password)
    {
        Span<byte> key = stackalloc byte[Encoding.UTF8.GetMaxByteCount(password.Length)];
        return VerifyIntegrity(key[..Encoding.UTF8.GetBytes(password, key)]);
    }

    private static bool FingerprintMatches(ReadOnlySpan<byte> datagram, int offset) =>
        offset + FingerprintAttributeLength == datagram.Length
        && BinaryPrimitives.ReadUInt32BigEndian(datagram[(offset + 4)..]) == StunFingerprint.Compute(datagram[..offset]);

    private ReadOnlySpan<byte> Value(StunAttributes.Range range) => range.Offset > 0 ? datagram.Slice(range.Offset, range.Length) : default;

    private ulong? TieBreaker(StunAttributes.Range range) =>
        range.Length == 8 ? BinaryPrimitives.ReadUInt64BigEndian(Value(range)) : null;
}
