using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>
/// Rejects datagrams that cannot be what a DTLS 1.2 peer sends, before BouncyCastle reads them. It matters for epoch 0:
/// those records are plaintext, so BouncyCastle "authenticates" any of them and a garbage record with a huge sequence
/// number moves the replay window past every real handshake record (the handshake then stalls). Epoch 1 records are
/// checked by their MAC, so only their size is checked here (<see cref="CiphertextShape"/>); epoch 2 and up never
/// exist without renegotiation, and connection ids are never negotiated.
/// </summary>
internal static class DtlsRecordFilter
{
    private const int RecordHeader = 13;
    private const int HandshakeHeader = 12;
    private const byte ChangeCipherSpec = 20;
    private const byte Alert = 21;
    private const byte Handshake = 22;
    private const byte ConnectionId = 25;

    /// <summary>
    /// Whether every record in the datagram is framed whole, each plaintext one is well formed, and each encrypted one
    /// fits the negotiated cipher (<paramref name="encrypted"/> is null until a cipher suite is chosen).
    /// </summary>
    public static bool IsPlausible(ReadOnlySpan<byte> datagram, CiphertextShape? encrypted)
    {
        if (datagram.IsEmpty)
        {
            return false;
        }

        while (!datagram.IsEmpty)
        {
            if (datagram.Length < RecordHeader || datagram[1] != 0xFE)
            {
                return false;
            }

            var epoch = BinaryPrimitives.ReadUInt16BigEndian(datagram[3..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(datagram[11..]);
            if (datagram.Length < RecordHeader + length)
            {
                return false;
            }

            var plausible = epoch switch
            {
                0 => IsPlausiblePlaintext(datagram[0], datagram.Slice(RecordHeader, length)),
                1 => datagram[0] != ConnectionId && encrypted is { } shape && shape.Fits(length),
                _ => false,
            };
            if (!plausible)
            {
                return false;
            }

            datagram = datagram[(RecordHeader + length)..];
        }

        return true;
    }

    private static bool IsPlausiblePlaintext(byte contentType, ReadOnlySpan<byte> body) => contentType switch
    {
        ChangeCipherSpec => body is [1],
        Alert => body is [1 or 2, _],
        Handshake => AreWholeHandshakeFragments(body),
        _ => false, // application data, heartbeats and connection ids only exist once encrypted
    };

    /// <summary>One or more handshake fragments, each with a header whose lengths agree with what follows.</summary>
    private static bool AreWholeHandshakeFragments(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return false;
        }

        while (!body.IsEmpty)
        {
            if (body.Length < HandshakeHeader)
            {
                return false;
            }

            var messageLength = ReadUInt24(body[1..]);
            var fragmentOffset = ReadUInt24(body[6..]);
            var fragmentLength = ReadUInt24(body[9..]);
            if (fragmentOffset + fragmentLength > messageLength || body.Length < HandshakeHeader + fragmentLength)
            {
                return false;
            }

            body = body[(HandshakeHeader + fragmentLength)..];
        }

        return true;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
}
