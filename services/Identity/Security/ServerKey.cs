namespace WebRtcChat.Identity.Security;

/// <summary>An RSA key the token server signs or encrypts with, kept in the database so tokens survive restarts.</summary>
public sealed class ServerKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    public Guid Id { get; set; }

    /// <summary><see cref="Signing"/> or <see cref="Encryption"/>.</summary>
    public required string Use { get; set; }

    /// <summary>The private key as PKCS#8 PEM.</summary>
    public required string PrivateKeyPem { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
