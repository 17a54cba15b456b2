using Npgsql;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench;

/// <summary>Registers the benchmark's users in Identity and waits until Messaging has learnt of them from the UserRegistered events.</summary>
public static class ChatUsers
{
    private static readonly TimeSpan DirectoryWait = TimeSpan.FromSeconds(60);

    public static async Task<TestUser[]> RegisterAsync(HttpClient identity, string messagingDatabase, int count)
    {
        var prefix = "m" + Guid.NewGuid().ToString("N")[..8];
        var users = new TestUser[count];
        var registered = 0;
        using var gate = new SemaphoreSlim(4); // registration hashes the password: more in parallel only queues on the 2 cores
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                users[i] = await TestUser.RegisterAsync(identity, $"{prefix}{i}");
                var done = Interlocked.Increment(ref registered);
                if (done % 100 == 0)
                {
                    Console.Error.WriteLine($"{done} of {count} users registered");
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        await WaitUntilKnownAsync(messagingDatabase, users.Select(u => u.Id).ToArray());
        return users;
    }

    private static async Task WaitUntilKnownAsync(string messagingDatabase, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(messagingDatabase);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + DirectoryWait;
        while (true)
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM users WHERE id = ANY(@ids)", connection) { Parameters = { new("ids", ids) } };
            var known = (long)(await count.ExecuteScalarAsync())!;
            if (known == ids.Length)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Messaging learnt of only {known} of {ids.Length} users within {DirectoryWait}.");
            }

            await Task.Delay(200);
        }
    }
}
