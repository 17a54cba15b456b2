using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using WebRtcChat.Identity.Data;

namespace WebRtcChat.Identity.Security;

/// <summary>
/// The token server's RSA keys, read from the identity database; on the very first start one signing and one
/// encryption key are generated and stored (under an advisory lock, so concurrent instances agree on them).
/// Newest key first: it signs, the older ones still validate.
/// </summary>
public sealed class ServerKeyRing(IServiceScopeFactory scopes, TimeProvider time)
{
    private const long AdvisoryLockId = 0x5EC2E7_4B_1D;
    private readonly Lock gate = new();
    private IReadOnlyList<RsaSecurityKey>? signing;
    private IReadOnlyList<RsaSecurityKey>? encryption;

    public IReadOnlyList<RsaSecurityKey> SigningKeys => EnsureLoaded().Signing;

    public IReadOnlyList<RsaSecurityKey> EncryptionKeys => EnsureLoaded().Encryption;

    /// <summary>Loads the keys (creating them if the database has none yet); later calls return the cached keys.</summary>
    public (IReadOnlyList<RsaSecurityKey> Signing, IReadOnlyList<RsaSecurityKey> Encryption) EnsureLoaded()
    {
        lock (gate)
        {
            if (signing is null || encryption is null)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                using var transaction = db.Database.BeginTransaction();
                db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({AdvisoryLockId})");
                var keys = db.ServerKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToList();
                foreach (var use in new[] { ServerKey.Signing, ServerKey.Encryption })
                {
                    if (!keys.Any(k => k.Use == use))
                    {
                        var created = Generate(use);
                        db.ServerKeys.Add(created);
                        keys.Add(created);
                    }
                }

                db.SaveChanges();
                transaction.Commit();
                signing = keys.Where(k => k.Use == ServerKey.Signing).Select(ToSecurityKey).ToList();
                encryption = keys.Where(k => k.Use == ServerKey.Encryption).Select(ToSecurityKey).ToList();
            }

            return (signing, encryption);
        }
    }

    private ServerKey Generate(string use)
    {
        using var rsa = RSA.Create(2048);
        return new ServerKey
        {
            Id = Guid.CreateVersion7(),
            Use = use,
            PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem(),
            CreatedAt = time.GetUtcNow(),
        };
    }

    private static RsaSecurityKey ToSecurityKey(ServerKey key)
    {
        // The RSA instance lives as long as the process: OpenIddict keeps using the key.
#pragma warning disable CA2000
        var rsa = RSA.Create();
#pragma warning restore CA2000
        rsa.ImportFromPem(key.PrivateKeyPem);
        return new RsaSecurityKey(rsa) { KeyId = key.Id.ToString("N") };
    }
}
