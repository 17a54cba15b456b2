using Npgsql;

namespace WebRtcChat.Bench.Messaging;

/// <summary>The seeded room and the cursors the page requests use: ids of random messages in the middle and near the start.</summary>
internal sealed record HistoryRoom(Guid Id, int MessageCount, IReadOnlyList<Guid> MiddleCursors, IReadOnlyList<Guid> NearStartCursors)
{
    private const int Cursors = 200;

    public static async Task<HistoryRoom> LoadAsync(string database, Guid room, int count)
    {
        var random = new Random(5);
        var middle = Enumerable.Range(0, Cursors).Select(_ => (long)random.Next(count * 2 / 5, count * 3 / 5)).ToArray();
        var nearStart = Enumerable.Range(0, Cursors).Select(_ => (long)random.Next(Math.Min(500, count / 10), Math.Min(5_000, count / 5))).ToArray();
        return new HistoryRoom(room, count, await IdsAtAsync(database, room, middle), await IdsAtAsync(database, room, nearStart));
    }

    /// <summary>The ids of the messages at <paramref name="seqs"/>, in that order.</summary>
    private static async Task<List<Guid>> IdsAtAsync(string database, Guid room, long[] seqs)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT seq, id FROM messages WHERE room_id = @room AND seq = ANY(@seqs)", connection)
        {
            Parameters = { new("room", room), new("seqs", seqs) },
        };
        var ids = new Dictionary<long, Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids[reader.GetInt64(0)] = reader.GetGuid(1);
        }

        return seqs.Select(seq => ids[seq]).ToList();
    }
}
