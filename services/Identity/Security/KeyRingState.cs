using Microsoft.IdentityModel.Tokens;

namespace WebRtcChat.Identity.Security;

/// <summary>One reading of the key ring: what OpenIddict signs, validates and decrypts with, and the schedule behind it.</summary>
public sealed class KeyRingState
{
    internal KeyRingState(IReadOnlyList<RsaSecurityKey> signing, IReadOnlyList<RsaSecurityKey> encryption, SigningKeySchedule schedule)
    {
        Signing = signing;
        Encryption = encryption;
        Schedule = schedule;
    }

    /// <summary>The keys that validate, the signer first.</summary>
    public IReadOnlyList<RsaSecurityKey> Signing { get; }

    public IReadOnlyList<RsaSecurityKey> Encryption { get; }

    internal SigningKeySchedule Schedule { get; }

    internal bool SameKeysAs(KeyRingState other) =>
        Signing.Select(k => k.KeyId).SequenceEqual(other.Signing.Select(k => k.KeyId), StringComparer.Ordinal)
        && Encryption.Select(k => k.KeyId).SequenceEqual(other.Encryption.Select(k => k.KeyId), StringComparer.Ordinal);
}
