using Npgsql;

namespace WebRtcChat.Identity.Security;

/// <summary>The stored keys inside <see cref="ServerKeyStore.Lock"/>'s transaction; nothing is kept unless committed.</summary>
public sealed class LockedServerKeys(NpgsqlConnection connection, NpgsqlTransaction transaction) : IDisposable
{
    public List<ServerKey> ReadAll()
    {
        using var command = new NpgsqlCommand("SELECT id, use, private_key_pem, created_at FROM server_keys", connection);
        using var reader = command.ExecuteReader();
        var keys = new List<ServerKey>();
        while (reader.Read())
        {
            keys.Add(new ServerKey
            {
                Id = reader.GetGuid(0),
                Use = reader.GetString(1),
                PrivateKeyPem = reader.GetString(2),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
            });
        }

        return keys;
    }

    public void Insert(ServerKey key) =>
        Execute(connection, "INSERT INTO server_keys (id, use, private_key_pem, created_at) VALUES (@id, @use, @pem, @created)",
            ("id", key.Id), ("use", key.Use), ("pem", key.PrivateKeyPem), ("created", key.CreatedAt));

    public void Delete(IEnumerable<Guid> ids) => Execute(connection, "DELETE FROM server_keys WHERE id = ANY(@ids)", ("ids", ids.ToArray()));

    public void Commit() => transaction.Commit();

    public void Dispose()
    {
        transaction.Dispose();
        connection.Dispose();
    }

    internal static void Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
