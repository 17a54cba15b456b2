using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace WebRtcChat.WebRtc.Stun;

/// <summary>
/// Writes one STUN message into a caller's buffer, attribute by attribute; MESSAGE-INTEGRITY and FINGERPRINT go last, in
/// that order. The buffer must hold the whole message (1500 bytes always suffice for ICE).
/// </summary>
public ref struct StunWriter
{
    private readonly Span<byte> buffer;
    private readonly byte padding;

    /// <param name="padding">The byte that fills attributes to 32 bits; receivers ignore it (RFC 5769 uses 0x20).</param>
    public StunWriter(Span<byte> buffer, StunMessageType type, ReadOnlySpan<byte> transactionId, byte padding = 0)
    {
        if (transactionId.Length != StunMessage.TransactionIdLength)
        {
            throw new ArgumentException("A STUN transaction id is 12 bytes.", nameof(transactionId));
        }

        this.buffer = buffer;
        this.padding = padding;
        BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)type);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], StunMessage.MagicCookie);
        transactionId.CopyTo(buffer[8..]);
        Length = StunMessage.HeaderLength;
        SetHeaderLength(Length);
    }

    /// <summary>Bytes written so far; the message is <c>buffer[..Length]</c>.</summary>
    public int Length { get; private set; }

    public static void NewTransactionId(Span<byte> transactionId) => RandomNumberGenerator.Fill(transactionId[..StunMessage.TransactionIdLength]);

    public void AddUsername(string username) => AddText(StunAttributeType.Username, username);

    public void AddSoftware(string software) => AddText(StunAttributeType.Software, software);

    public void AddPriority(uint priority) => BinaryPrimitives.WriteUInt32BigEndian(Attribute(StunAttributeType.Priority, 4), priority);

    public void AddUseCandidate() => Attribute(StunAttributeType.UseCandidate, 0);

    public void AddIceControlling(ulong tieBreaker) => BinaryPrimitives.WriteUInt64BigEndian(Attribute(StunAttributeType.IceControlling, 8), tieBreaker);

    public void AddIceControlled(ulong tieBreaker) => BinaryPrimitives.WriteUInt64BigEndian(Attribute(StunAttributeType.IceControlled, 8), tieBreaker);

    public void AddXorMappedAddress(IPEndPoint endPoint) =>
        XorAddress.Write(Attribute(StunAttributeType.XorMappedAddress, XorAddress.ValueLength(endPoint.AddressFamily)), endPoint, buffer);

    public void AddErrorCode(int code)
    {
        var reason = StunErrorCode.ReasonOf(code);
        var value = Attribute(StunAttributeType.ErrorCode, 4 + Encoding.UTF8.GetByteCount(reason));
        value[..2].Clear();
        value[2] = (byte)(code / 100);
        value[3] = (byte)(code % 100);
        Encoding.UTF8.GetBytes(reason, value[4..]);
    }

    /// <summary>HMAC-SHA1 with the short-term key (the password's bytes) over everything written so far.</summary>
    public void AddMessageIntegrity(scoped ReadOnlySpan<byte> key)
    {
        var start = Length;
        SetHeaderLength(start + 24);
        var value = Attribute(StunAttributeType.MessageIntegrity, 20);
        HMACSHA1.HashData(key, buffer[..start], value);
    }

    public void AddMessageIntegrity(string password)
    {
        Span<byte> key = stackalloc byte[Encoding.UTF8.GetMaxByteCount(password.Length)];
        AddMessageIntegrity(key[..Encoding.UTF8.GetBytes(password, key)]);
    }

    public void AddFingerprint()
    {
        var start = Length;
        SetHeaderLength(start + 8);
        var value = Attribute(StunAttributeType.Fingerprint, 4);
        BinaryPrimitives.WriteUInt32BigEndian(value, StunFingerprint.Compute(buffer[..start]));
    }

    private void AddText(ushort type, string text)
    {
        var value = Attribute(type, Encoding.UTF8.GetByteCount(text));
        Encoding.UTF8.GetBytes(text, value);
    }

    /// <summary>Appends an attribute header and its padding; returns the value's space for the caller to fill.</summary>
    private Span<byte> Attribute(ushort type, int length)
    {
        var padded = (length + 3) & ~3;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[Length..], type);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(Length + 2)..], (ushort)length);
        var value = buffer.Slice(Length + 4, length);
        buffer.Slice(Length + 4 + length, padded - length).Fill(padding);
        Length += 4 + padded;
        SetHeaderLength(Length);
        return value;
    }

    private readonly void SetHeaderLength(int messageLength) =>
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], (ushort)(messageLength - StunMessage.HeaderLength));
}
