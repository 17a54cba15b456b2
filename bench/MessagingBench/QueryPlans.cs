using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace WebRtcChat.Bench.Messaging;

/// <summary>
/// EXPLAIN (ANALYZE, BUFFERS) of the statements one history request runs, written as EF Core sends them (parameters bound,
/// so the plans are the custom plans the service's unprepared statements get), run warm after the latency phases.
/// </summary>
internal static partial class QueryPlans
{
    private const string RoomWithMembers = """
        SELECT r1.*, r0.* FROM (SELECT r.* FROM rooms AS r WHERE r.id = @room LIMIT 2) AS r1
        LEFT JOIN room_members AS r0 ON r1.id = r0.room_id ORDER BY r1.id, r0.room_id, r0.user_id
        """;

    private const string Cursor = "SELECT m.seq FROM messages AS m WHERE m.room_id = @room AND m.id = @cursor LIMIT 2";

    private const string NewestPage = "SELECT m.* FROM messages AS m WHERE m.room_id = @room ORDER BY m.seq DESC LIMIT @take OFFSET @skip";

    private const string BeforePage = "SELECT m.* FROM messages AS m WHERE m.room_id = @room AND m.seq < @seq ORDER BY m.seq DESC LIMIT @take OFFSET @skip";

    private const string AfterPage = "SELECT m.* FROM messages AS m WHERE m.room_id = @room AND m.seq > @seq ORDER BY m.seq LIMIT @take";

    private const string Reactions = "SELECT m.* FROM message_reactions AS m WHERE m.message_id = ANY (@ids) ORDER BY m.created_at";

    private const string ReplyCounts = """
        SELECT m.reply_to AS "Id", count(*)::int AS "Count" FROM messages AS m
        WHERE m.reply_to IS NOT NULL AND m.reply_to = ANY (@ids) AND m.deleted_at IS NULL GROUP BY m.reply_to
        """;

    private const string ReadMarks = "SELECT r.* FROM read_marks AS r WHERE r.room_id = @room AND r.to_seq >= @low AND r.from_seq <= @high";

    /// <summary>Markdown: for each statement of a <c>before</c> page in the middle, the page statements of the other two and the read marks near the start, its plan.</summary>
    public static async Task<string> ExplainAsync(string database, HistoryRoom room)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var cursor = room.MiddleCursors[0];
        var seq = (long)(await ScalarAsync(connection, Cursor, ("room", room.Id), ("cursor", cursor)))!;
        var page = await PageIdsAsync(connection, room.Id, seq);
        var nearStartSeq = (long)(await ScalarAsync(connection, Cursor, ("room", room.Id), ("cursor", room.NearStartCursors[0])))!;
        var take = HistoryBenchmark.PageSize + 1;
        var statements = new (string Title, string Sql, (string, object)[] Parameters)[]
        {
            ("room and members (membership check)", RoomWithMembers, [("room", room.Id)]),
            ("cursor id to sequence number", Cursor, [("room", room.Id), ("cursor", cursor)]),
            ($"page: newest {take}", NewestPage, [("room", room.Id), ("take", take), ("skip", 0)]),
            ($"page: {take} before seq {seq}", BeforePage, [("room", room.Id), ("seq", seq), ("take", take), ("skip", 0)]),
            ($"page: {take} after seq {nearStartSeq}", AfterPage, [("room", room.Id), ("seq", nearStartSeq), ("take", take)]),
            ("reactions of the page's messages", Reactions, [("ids", page.Ids)]),
            ("reply counts of the page's messages", ReplyCounts, [("ids", page.Ids)]),
            ("read marks overlapping the page", ReadMarks, [("room", room.Id), ("low", page.Low), ("high", page.High)]),
            ($"read marks overlapping the page after seq {nearStartSeq}", ReadMarks,
                [("room", room.Id), ("low", nearStartSeq + 1), ("high", nearStartSeq + HistoryBenchmark.PageSize)]),
        };

        var text = new StringBuilder();
        foreach (var (title, sql, parameters) in statements)
        {
            text.AppendLine("```").AppendLine("-- " + title).AppendLine(sql.ReplaceLineEndings(" "));
            await using var explain = Command(connection, "EXPLAIN (ANALYZE, BUFFERS) " + sql, parameters);
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(LongIdList().Replace(reader.GetString(0), "'{...the page's ids...}'"));
            }

            text.AppendLine("```");
        }

        return text.ToString();
    }

    [GeneratedRegex(@"'\{[0-9a-f,-]{100,}\}'")]
    private static partial Regex LongIdList();

    private static async Task<(Guid[] Ids, long Low, long High)> PageIdsAsync(NpgsqlConnection connection, Guid room, long seq)
    {
        await using var command = Command(connection, "SELECT id, seq FROM messages WHERE room_id = @room AND seq < @seq ORDER BY seq DESC LIMIT @take",
            ("room", room), ("seq", seq), ("take", HistoryBenchmark.PageSize));
        var rows = new List<(Guid Id, long Seq)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetInt64(1)));
        }

        return (rows.Select(r => r.Id).ToArray(), rows.Min(r => r.Seq), rows.Max(r => r.Seq));
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, params (string, object)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
