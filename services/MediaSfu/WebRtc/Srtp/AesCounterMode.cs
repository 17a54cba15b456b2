using System.Numerics;
using System.Security.Cryptography;

namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// AES in counter mode as SRTP uses it (RFC 3711 §4.1.1): block j of the keystream is AES(key, IV + j), where the IV's
/// low 16 bits are zero so the block counter fills them. The key schedule and the ECB transform are set up once and
/// reused; counter blocks and keystream live in buffers owned by this instance, so a call allocates nothing. Not
/// thread-safe: one instance per direction, used by one thread at a time.
/// </summary>
public sealed class AesCounterMode : IDisposable
{
    public const int BlockLength = 16;

    // Enough for a full-MTU packet in one transform call; longer inputs are processed in chunks.
    private const int ChunkBlocks = 96;

    private readonly Aes aes;
    private readonly ICryptoTransform encryptor;
    private readonly byte[] counters = new byte[ChunkBlocks * BlockLength];
    private readonly byte[] keystream = new byte[ChunkBlocks * BlockLength];

    public AesCounterMode(ReadOnlySpan<byte> key)
    {
        aes = Aes.Create();
        aes.Key = key.ToArray();
        aes.Mode = CipherMode.ECB;
        aes.Padding = PaddingMode.None;
        encryptor = aes.CreateEncryptor();
    }

    /// <summary>XORs <paramref name="data"/> in place with the keystream that starts at <paramref name="iv"/>.</summary>
    public void Apply(ReadOnlySpan<byte> iv, Span<byte> data)
    {
        var block = 0;
        while (!data.IsEmpty)
        {
            var blocks = Math.Min(ChunkBlocks, (data.Length + BlockLength - 1) / BlockLength);
            for (var i = 0; i < blocks; i++, block++)
            {
                var counter = counters.AsSpan(i * BlockLength, BlockLength);
                iv[..14].CopyTo(counter);
                counter[14] = (byte)(iv[14] ^ (block >> 8));
                counter[15] = (byte)(iv[15] ^ block);
            }

            encryptor.TransformBlock(counters, 0, blocks * BlockLength, keystream, 0);
            var length = Math.Min(data.Length, blocks * BlockLength);
            Xor(data[..length], keystream.AsSpan(0, length));
            data = data[length..];
        }
    }

    public void Dispose()
    {
        encryptor.Dispose();
        aes.Dispose();
    }

    private static void Xor(Span<byte> data, ReadOnlySpan<byte> key)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= data.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                (new Vector<byte>(data[i..]) ^ new Vector<byte>(key[i..])).CopyTo(data[i..]);
            }
        }

        for (; i < data.Length; i++)
        {
            data[i] ^= key[i];
        }
    }
}
