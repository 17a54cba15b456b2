using System.Diagnostics;
using Npgsql;

namespace WebRtcChat.Bench.Messaging;

/// <summary>
/// Fills a room straight in messagingdb with SQL: consecutive sequence numbers from 1, UUIDv7-shaped ids in time order,
/// chat-like content lengths, a reply every 1,000 messages, a few thousand reactions and each member's read marks (in 60
/// stretches, members lagging behind by different amounts), with the room's and members' positions set to match.
/// </summary>
internal static class HistorySeeder
{
    /// <summary>The seeded messages are 20 s apart, ending about now.</summary>
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(20);

    private const string Setup = """
        SET synchronous_commit = off;
        CREATE FUNCTION pg_temp.bench_created(g bigint, start timestamptz) RETURNS timestamptz
            LANGUAGE sql IMMUTABLE AS $$ SELECT start + g * interval '20 seconds' $$;
        CREATE FUNCTION pg_temp.bench_id(g bigint, start timestamptz) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
            SELECT (lpad(to_hex((extract(epoch FROM pg_temp.bench_created(g, start)) * 1000)::bigint), 12, '0')
                || '7' || substr(md5(g::text), 1, 3) || '8' || substr(md5(g::text), 4, 15))::uuid $$;
        """;

    private const string Messages = """
        INSERT INTO messages (id, room_id, seq, sender_id, type, content, encrypted, reply_to, mentions, edit_history, created_at, updated_at)
        SELECT pg_temp.bench_id(g, @start), @room, g, (@members::uuid[])[(1 + g % cardinality(@members::uuid[]))::int], 'text',
               trim(substr(@prose, (1 + (g * 7919) % 400)::int, (CASE WHEN g % 50 = 0 THEN 500
                                                                       WHEN g % 5 = 0 THEN 80 + g % 120
                                                                       ELSE 12 + (g * 104729) % 60 END)::int)),
               false, CASE WHEN g % 1000 = 0 THEN pg_temp.bench_id(g - 1, @start) END, '{}', '[]',
               pg_temp.bench_created(g, @start), pg_temp.bench_created(g, @start)
        FROM generate_series(1::bigint, @count) AS g;
        UPDATE rooms SET last_message_seq = @count, last_activity_at = pg_temp.bench_created(@count, @start) WHERE id = @room;
        """;

    // Every 400th message gets one reaction, the newest 500 one to three each: about 3,500 rows for a million messages.
    private const string Reactions = """
        INSERT INTO message_reactions (message_id, user_id, emoji, created_at)
        SELECT pg_temp.bench_id(g, @start), (@members::uuid[])[(1 + (g / 400 + r) % cardinality(@members::uuid[]))::int],
               (ARRAY['👍', '😂', '🎉', '❤️'])[(1 + (g + r) % 4)::int], pg_temp.bench_created(g, @start) + interval '1 minute'
        FROM (SELECT g, 1::bigint AS reactions FROM generate_series(400::bigint, @count - 500, 400) AS g
              UNION ALL SELECT g, 1 + g % 3 FROM generate_series(@count - 499, @count) AS g) AS target
        CROSS JOIN LATERAL generate_series(0::bigint, target.reactions - 1) AS r;
        """;

    // Member n has read up to @count - (n - 1) * @count / 1000 (the first everything), in 60 stretches.
    private const string ReadMarks = """
        CREATE TEMP TABLE bench_reader AS
            SELECT id, @count - (n - 1) * (@count / 1000) AS read_to FROM unnest(@members::uuid[]) WITH ORDINALITY AS m(id, n);
        INSERT INTO read_marks (room_id, user_id, from_seq, to_seq, read_at)
        SELECT @room, reader.id, (k - 1) * reader.read_to / 60 + 1, k * reader.read_to / 60,
               pg_temp.bench_created(k * reader.read_to / 60, @start) + interval '5 minutes'
        FROM bench_reader AS reader CROSS JOIN generate_series(1::bigint, 60) AS k;
        UPDATE room_members AS rm SET last_read_seq = reader.read_to, last_delivered_seq = reader.read_to
        FROM bench_reader AS reader WHERE rm.room_id = @room AND rm.user_id = reader.id;
        """;

    /// <summary>Seeds <paramref name="count"/> messages into <paramref name="room"/> from <paramref name="members"/> (in member order); the time taken.</summary>
    public static async Task<TimeSpan> SeedAsync(string database, Guid room, Guid[] members, int count)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await ExecuteAsync(connection, Setup);
        var start = DateTimeOffset.UtcNow - (Spacing * (count + 1));
        foreach (var step in new[] { Messages, Reactions, ReadMarks })
        {
            await using var command = new NpgsqlCommand(step, connection) { CommandTimeout = 1800 };
            command.Parameters.AddWithValue("start", start);
            command.Parameters.AddWithValue("room", room);
            command.Parameters.AddWithValue("members", members);
            command.Parameters.AddWithValue("count", (long)count);
            command.Parameters.AddWithValue("prose", SampleText.Prose);
            await command.ExecuteNonQueryAsync();
        }

        // As autovacuum would have by the time a room is this old: planner statistics and the visibility map.
        foreach (var table in new[] { "messages", "message_reactions", "read_marks", "room_members", "rooms" })
        {
            await ExecuteAsync(connection, $"VACUUM ANALYZE {table}");
        }

        return clock.Elapsed;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
        await command.ExecuteNonQueryAsync();
    }
}
