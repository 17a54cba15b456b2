using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace WebRtcChat.ServiceDefaults.EventBus;

/// <summary>A committed outbox row waiting to be published, as the dispatcher claimed it.</summary>
internal sealed record PendingOutboxMessage(Guid Id, string Type, string Body, int Attempts, string? TraceParent);

/// <summary>
/// The dispatcher's statements on <c>outbox_messages</c>, as plain Npgsql commands on the context's connection:
/// every producer polls its outbox each second, and this keeps EF Core's query pipeline (and its memory) out of that loop.
/// </summary>
internal static class OutboxCommands
{
    private const string Table = EventBusModelBuilderExtensions.OutboxTable;

    public static async Task<List<PendingOutboxMessage>> ClaimBatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT id, type, body::text, attempts, trace_parent FROM {Table} WHERE dispatched_at IS NULL ORDER BY id LIMIT @batch FOR UPDATE SKIP LOCKED",
            connection, transaction);
        command.Parameters.AddWithValue("batch", batchSize);
        var batch = new List<PendingOutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new PendingOutboxMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return batch;
    }

    public static async Task MarkDispatchedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Guid> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand($"UPDATE {Table} SET dispatched_at = @at WHERE id = ANY(@ids)", connection, transaction);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task RecordFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string error, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"UPDATE {Table} SET attempts = attempts + 1, last_error = @error WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("error", error.Length <= 2000 ? error : error[..2000]);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<int> DeleteDispatchedBeforeAsync(NpgsqlConnection connection, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"DELETE FROM {Table} WHERE dispatched_at < @before", connection);
        command.Parameters.AddWithValue("before", before.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
