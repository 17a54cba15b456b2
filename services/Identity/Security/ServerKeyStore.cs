using Npgsql;
using WebRtcChat.Identity.Data;
using WebRtcChat.ServiceDefaults.Data;

namespace WebRtcChat.Identity.Security;

/// <summary>
/// The <c>server_keys</c> table in plain SQL. OpenIddict reads the key ring on every request (health probes
/// included) and the rotator every few minutes, so it stays off EF Core: an idle Identity then never builds its model.
/// </summary>
public sealed class ServerKeyStore(NpgsqlDatabase<IdentityDbContext> database)
{
    private const long AdvisoryLockId = 0x5EC2E7_4B_1D;

    /// <summary>Opens a transaction holding the key ring's advisory lock, so that concurrent instances take turns.</summary>
    public LockedServerKeys Lock()
    {
        var connection = database.OpenConnection();
        try
        {
            var transaction = connection.BeginTransaction();
            LockedServerKeys.Execute(connection, "SELECT pg_advisory_xact_lock(@lock)", ("lock", AdvisoryLockId));
            return new LockedServerKeys(connection, transaction);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
