using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using WebRtcChat.Identity.Auth;

namespace WebRtcChat.Identity.Security;

/// <summary>
/// The token server's RSA keys, read from the identity database and cached. <see cref="Synchronize"/> creates what is
/// missing (the first keys; the next signing key when rotation is due or asked for), deletes retired signing keys
/// (all under an advisory lock, so concurrent instances agree: <see cref="ServerKeyStore"/>), and when the usable keys
/// changed hands them to OpenIddict through <see cref="KeyRingChangeTokens"/>.
/// </summary>
public sealed partial class ServerKeyRing(
    ServerKeyStore store,
    TimeProvider time,
    IOptions<SigningKeyOptions> signingOptions,
    IOptions<AuthOptions> authOptions,
    KeyRingChangeTokens changes,
    ILogger<ServerKeyRing> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, RsaSecurityKey> securityKeys = [];
    private KeyRingState? state;

    /// <summary>The keys that validate, the signer first.</summary>
    public IReadOnlyList<RsaSecurityKey> SigningKeys => EnsureLoaded().Signing;

    /// <summary>The keys that decrypt, the one that encrypts first.</summary>
    public IReadOnlyList<RsaSecurityKey> EncryptionKeys => EnsureLoaded().Encryption;

    /// <summary>How long a superseded signing key keeps validating.</summary>
    public TimeSpan RetainFor => signingOptions.Value.RetainFor ?? authOptions.Value.RefreshTokenLifetime;

    /// <summary>The cached keys; loads them (creating them if the database has none yet) on first use.</summary>
    public KeyRingState EnsureLoaded() => state ?? Synchronize();

    /// <summary>Brings the database and the cache up to date; with <paramref name="rotateNow"/> creates the next signing key now.</summary>
    public KeyRingState Synchronize(bool rotateNow = false)
    {
        lock (gate)
        {
            using var stored = store.Lock();
            var keys = stored.ReadAll();
            var now = time.GetUtcNow();
            if (!keys.Any(k => k.Use == ServerKey.Encryption))
            {
                keys.Add(Add(stored, ServerKey.Encryption, now));
            }

            var schedule = Schedule(keys, now);
            if (schedule.Signer is null || schedule.RotationDue || rotateNow)
            {
                var created = Add(stored, ServerKey.Signing, now);
                keys.Add(created);
                schedule = Schedule(keys, now);
                LogCreated(logger, created.Id, schedule.Signer == created ? now : now + signingOptions.Value.PublishAhead);
            }

            if (schedule.Retired.Count > 0)
            {
                stored.Delete(schedule.Retired.Select(k => k.Id));
                LogRetired(logger, string.Join(", ", schedule.Retired.Select(k => KeyId(k.Id))));
            }

            stored.Commit();
            return Publish(schedule, keys.Where(k => k.Use == ServerKey.Encryption).OrderByDescending(k => k.CreatedAt));
        }
    }

    public static string KeyId(Guid id) => id.ToString("N");

    private SigningKeySchedule Schedule(List<ServerKey> keys, DateTimeOffset now) =>
        SigningKeySchedule.At(keys.Where(k => k.Use == ServerKey.Signing), now, signingOptions.Value, RetainFor);

    private KeyRingState Publish(SigningKeySchedule schedule, IEnumerable<ServerKey> encryption)
    {
        var next = new KeyRingState(
            [.. schedule.Validating.Select(SecurityKey)],
            [.. encryption.Select(SecurityKey)],
            schedule);
        var previous = state;
        state = next;
        if (previous is not null && !previous.SameKeysAs(next))
        {
            foreach (var gone in securityKeys.Keys.Except(next.Signing.Concat(next.Encryption).Select(k => Guid.Parse(k.KeyId))).ToList())
            {
                securityKeys.Remove(gone);
            }

            LogChanged(logger, next.Signing[0].KeyId, next.Signing.Count);
            changes.SignalChanged();
        }

        return next;
    }

    private static ServerKey Add(LockedServerKeys stored, string use, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var key = new ServerKey { Id = Guid.CreateVersion7(), Use = use, PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem(), CreatedAt = now };
        stored.Insert(key);
        return key;
    }

    private RsaSecurityKey SecurityKey(ServerKey key)
    {
        if (!securityKeys.TryGetValue(key.Id, out var securityKey))
        {
            // The RSA instance lives as long as the key is in use: OpenIddict's options hold on to it.
#pragma warning disable CA2000
            var rsa = RSA.Create();
#pragma warning restore CA2000
            rsa.ImportFromPem(key.PrivateKeyPem);
            securityKey = new RsaSecurityKey(rsa) { KeyId = KeyId(key.Id) };
            securityKeys[key.Id] = securityKey;
        }

        return securityKey;
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Created signing key {KeyId}; it signs from {SignsFrom}")]
    private static partial void LogCreated(ILogger logger, Guid keyId, DateTimeOffset signsFrom);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Retired signing keys {KeyIds}")]
    private static partial void LogRetired(ILogger logger, string keyIds);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Signing keys changed: {KeyId} signs, {Count} validate")]
    private static partial void LogChanged(ILogger logger, string keyId, int count);
}
