using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Tests.Dtls;

/// <summary>
/// Datagrams that look like DTLS to the demultiplexer (first byte 20–63) but are not valid records: random bytes,
/// records with a plausible header and a random body (epoch 0 and 1), records cut short, runts shorter than a header.
/// Seeded, so a failure reproduces.
/// </summary>
internal sealed class GarbageDatagrams(int seed)
{
    private const int HeaderLength = 13;

    private readonly Random random = new(seed);

    public byte[] Next() => random.Next(4) switch
    {
        0 => RandomBytes(),
        1 => PlausibleRecord(),
        2 => Truncated(PlausibleRecord()),
        _ => Runt(),
    };

    private byte[] RandomBytes()
    {
        var datagram = new byte[random.Next(1, 1200)];
        random.NextBytes(datagram);
        datagram[0] = ContentType();
        return datagram;
    }

    // A body of at least 16 bytes keeps it from being a well-formed plaintext alert, which DTLS would rightly obey.
    private byte[] PlausibleRecord()
    {
        var body = random.Next(16, 600);
        var datagram = new byte[HeaderLength + body];
        random.NextBytes(datagram);
        datagram[0] = ContentType();
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(1), 0xFEFD);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(3), (ushort)random.Next(2));
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(11), (ushort)body);
        return datagram;
    }

    private byte[] Truncated(byte[] record) => record[..random.Next(1, record.Length - 1)];

    private byte[] Runt()
    {
        var datagram = new byte[random.Next(1, HeaderLength)];
        random.NextBytes(datagram);
        datagram[0] = ContentType();
        return datagram;
    }

    // change_cipher_spec, alert, handshake, application_data, heartbeat, tls12_cid.
    private byte ContentType() => (byte)(random.Next(2) == 0 ? random.Next(20, 26) : random.Next(20, 64));
}
