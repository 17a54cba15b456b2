using System.Security.Cryptography;
using System.Text;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>An ICE username fragment and password (RFC 8839 §5.4); the password's bytes are the STUN short-term key.</summary>
public sealed class IceCredentials(string ufrag, string password)
{
    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public string Ufrag { get; } = ufrag;

    public string Password { get; } = password;

    public byte[] Key { get; } = Encoding.UTF8.GetBytes(password);

    /// <summary>Fresh random credentials: 8 ice-chars of ufrag (≥ 4 required) and 24 of password (≥ 22 required).</summary>
    public static IceCredentials Generate() => new(RandomNumberGenerator.GetString(IceChars, 8), RandomNumberGenerator.GetString(IceChars, 24));
}
