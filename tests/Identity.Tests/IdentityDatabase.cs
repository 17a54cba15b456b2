using Npgsql;

namespace WebRtcChat.Identity.Tests;

/// <summary>Reads and adjusts the service's database directly, for what no API shows (the outbox, erased rows).</summary>
internal sealed class IdentityDatabase(string connectionString)
{
    /// <summary>How many outbox rows of <paramref name="eventName"/> have <paramref name="property"/> equal to <paramref name="id"/>.</summary>
    public Task<long> OutboxCountAsync(string eventName, string property, Guid id) => ScalarAsync<long>(
        "SELECT count(*) FROM outbox_messages WHERE type LIKE @type AND body->>@property = @id",
        ("type", $"%.{eventName}%"), ("property", property), ("id", id.ToString()));

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(sql, connection, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(sql, connection, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
