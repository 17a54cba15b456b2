using Npgsql;

namespace WebRtcChat.Bench.Presence;

/// <summary>
/// Samples, every 500 ms while it runs, how many committed events Messaging's outbox has not yet published to RabbitMQ:
/// the queue in front of Presence, to tell where the delivery time goes.
/// </summary>
internal sealed class OutboxBacklog : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly Task sampling;

    public OutboxBacklog(string messagingDatabase) => sampling = SampleAsync(messagingDatabase);

    public long Max { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await sampling;
        stopping.Dispose();
    }

    private async Task SampleAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL", connection);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                Max = Math.Max(Max, (long)(await count.ExecuteScalarAsync(stopping.Token))!);
                await Task.Delay(500, stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Sampling ends with the run.
        }
    }
}
