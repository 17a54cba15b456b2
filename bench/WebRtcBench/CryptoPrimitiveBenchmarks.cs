using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.Bench.WebRtc;

/// <summary>
/// The alternatives for the AES-CM + HMAC-SHA1 hot path, on one 1,200-byte packet: the keystream through a reused
/// ECB transform (what AesCounterMode does) or the one-shot span API, and the tag through a keyed IncrementalHash
/// (what the transform does) or the static HMACSHA1.HashData; and AES-GCM on the same packet: .NET's (OpenSSL's EVP
/// layer) against the managed AES-NI + PCLMULQDQ one the AEAD transform uses, encrypting and decrypting.
/// </summary>
public class CryptoPrimitiveBenchmarks
{
    private const int Blocks = 75;

    private readonly byte[] key = new byte[16];
    private readonly byte[] authenticationKey = new byte[20];
    private readonly byte[] counters = new byte[Blocks * 16];
    private readonly byte[] keystream = new byte[Blocks * 16];
    private readonly byte[] packet = new byte[1200];
    private readonly byte[] mac = new byte[20];
    private Aes aes = null!;
    private ICryptoTransform encryptor = null!;
    private IncrementalHash hmac = null!;
    private GcmCipher gcm = null!;
    private readonly byte[] nonce = new byte[12];
    private readonly byte[] tag = new byte[16];

    /// <summary>.NET's AesGcm (OpenSSL) or the managed AES-NI + PCLMULQDQ cipher; the other benchmarks ignore it.</summary>
    [Params("platform", "managed")]
    public string Gcm { get; set; } = "managed";

    [GlobalSetup]
    public void Setup()
    {
        aes = Aes.Create();
        aes.Key = key;
        aes.Mode = CipherMode.ECB;
        aes.Padding = PaddingMode.None;
        encryptor = aes.CreateEncryptor();
        hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, authenticationKey);
        gcm = Gcm == "managed" ? new IntrinsicsAesGcm(key) : new PlatformAesGcm(key);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        encryptor.Dispose();
        aes.Dispose();
        hmac.Dispose();
        gcm.Dispose();
    }

    [Benchmark]
    public int KeystreamReusedTransform() => encryptor.TransformBlock(counters, 0, counters.Length, keystream, 0);

    [Benchmark]
    public int KeystreamOneShotEcb() => aes.EncryptEcb(counters, keystream, PaddingMode.None);

    [Benchmark]
    public int TagKeyedIncrementalHash()
    {
        hmac.AppendData(packet);
        hmac.AppendData(mac.AsSpan(0, 4));
        return hmac.GetHashAndReset(mac);
    }

    /// <summary>AEAD_AES_128_GCM on the same packet (payload after a 24-byte header).</summary>
    [Benchmark]
    public void GcmEncryptInPlace()
    {
        var payload = packet.AsSpan(24);
        gcm.Encrypt(nonce, payload, payload, tag, packet.AsSpan(0, 24));
    }

    [Benchmark]
    public bool GcmEncryptThenDecryptInPlace()
    {
        var payload = packet.AsSpan(24);
        gcm.Encrypt(nonce, payload, payload, tag, packet.AsSpan(0, 24));
        return gcm.TryDecrypt(nonce, payload, tag, payload, packet.AsSpan(0, 24));
    }

    [Benchmark]
    public int TagStaticHashData() => HMACSHA1.HashData(authenticationKey, packet, mac);
}
