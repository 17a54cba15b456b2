using System.Globalization;
using System.Security.Cryptography;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>
/// A certificate fingerprint as SDP carries it in <c>a=fingerprint</c> (RFC 8122 §5): a hash function name and the
/// hash of the DER certificate, written "sha-256 AB:CD:…".
/// </summary>
public sealed class CertificateFingerprint
{
    private static readonly Dictionary<string, int> HashLengths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sha-256"] = SHA256.HashSizeInBytes,
        ["sha-384"] = SHA384.HashSizeInBytes,
        ["sha-512"] = SHA512.HashSizeInBytes,
    };

    private readonly byte[] hash;

    private CertificateFingerprint(string algorithm, byte[] hash)
    {
        Algorithm = algorithm;
        this.hash = hash;
    }

    /// <summary>The hash function's SDP name in lower case ("sha-256").</summary>
    public string Algorithm { get; }

    public ReadOnlySpan<byte> Hash => hash;

    /// <summary>The fingerprint of a DER-encoded certificate with the given hash function.</summary>
    public static CertificateFingerprint Of(ReadOnlySpan<byte> derCertificate, string algorithm = "sha-256")
    {
        var name = algorithm.ToLowerInvariant();
        return new CertificateFingerprint(name, Compute(name, derCertificate));
    }

    /// <summary>Parses the value of an SDP fingerprint attribute ("sha-256 AB:CD:…").</summary>
    /// <exception cref="FormatException">The value is not a fingerprint of a supported hash function.</exception>
    public static CertificateFingerprint Parse(string sdpValue) =>
        TryParse(sdpValue, out var fingerprint, out var error) ? fingerprint : throw new FormatException(error);

    public static bool TryParse(string? sdpValue, out CertificateFingerprint fingerprint) =>
        TryParse(sdpValue, out fingerprint, out _);

    /// <summary>Whether this fingerprint is the one of the DER-encoded certificate; constant-time in the hash.</summary>
    public bool Matches(ReadOnlySpan<byte> derCertificate) =>
        CryptographicOperations.FixedTimeEquals(hash, Compute(Algorithm, derCertificate));

    /// <summary>The SDP form: "sha-256 AB:CD:…".</summary>
    /// <summary>The value of an SDP a=fingerprint attribute.</summary>
    public Sdp.SdpFingerprint ToSdp() =>
        new(Algorithm, string.Join(':', hash.Select(b => b.ToString("X2", CultureInfo.InvariantCulture))));

    public override string ToString() =>
        Algorithm + " " + string.Join(':', hash.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    private static bool TryParse(string? sdpValue, out CertificateFingerprint fingerprint, out string error)
    {
        fingerprint = null!;
        var parts = (sdpValue ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            error = $"A fingerprint is '<hash function> <hex pairs separated by colons>', not '{sdpValue}'.";
            return false;
        }

        if (!HashLengths.TryGetValue(parts[0], out var length))
        {
            error = $"The fingerprint hash function '{parts[0]}' is not supported (sha-256, sha-384, sha-512).";
            return false;
        }

        var pairs = parts[1].Split(':');
        var hash = new byte[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            if (pairs[i].Length != 2
                || !byte.TryParse(pairs[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hash[i]))
            {
                error = $"The fingerprint's byte '{pairs[i]}' is not two hexadecimal digits.";
                return false;
            }
        }

        if (hash.Length != length)
        {
            error = $"A {parts[0]} fingerprint has {length} bytes, this one {hash.Length}.";
            return false;
        }

        fingerprint = new CertificateFingerprint(parts[0].ToLowerInvariant(), hash);
        error = "";
        return true;
    }

    private static byte[] Compute(string algorithm, ReadOnlySpan<byte> der) => algorithm switch
    {
        "sha-256" => SHA256.HashData(der),
        "sha-384" => SHA384.HashData(der),
        "sha-512" => SHA512.HashData(der),
        _ => throw new ArgumentException($"The hash function '{algorithm}' is not supported.", nameof(algorithm)),
    };
}
