using Npgsql;

namespace WebRtcChat.Bench.Messaging;

/// <summary>Row counts and on-disk sizes (with indexes) of the message tables after seeding.</summary>
internal static class TableSizes
{
    public static async Task<List<(string Table, long Rows, string Size)>> MeasureAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var sizes = new List<(string, long, string)>();
        foreach (var table in new[] { "messages", "message_reactions", "read_marks" })
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), pg_size_pretty(pg_total_relation_size('{table}')) FROM {table}", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            sizes.Add((table, reader.GetInt64(0), reader.GetString(1)));
        }

        return sizes;
    }
}
