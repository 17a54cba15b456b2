using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WebRtcChat.Bench.Presence;

/// <summary>
/// Matches every <c>message-sent</c> push a client receives to the send that caused it (the content carries the run's
/// tag and the message's number) and times it two ways: from the start of the REST send (end to end) and from the
/// event's <c>occurredAt</c> (the event leg: outbox, RabbitMQ, Presence, backplane, WebSocket; same machine clock).
/// </summary>
internal sealed class DeliveryTracker(int messages, int recipientsPerMessage)
{
    private static readonly byte[] MessageSentTarget = Encoding.UTF8.GetBytes("\"target\":\"message-sent\"");
    private readonly string tag = Guid.NewGuid().ToString("N")[..8];
    private readonly long[] sendStarted = new long[messages];
    private readonly int[] deliveries = new int[messages];
    private readonly List<long> endToEnd = new(messages * recipientsPerMessage);
    private readonly List<long> eventLeg = new(messages * recipientsPerMessage);
    private int delivered;
    private int foreign;

    public int Delivered => Volatile.Read(ref delivered);

    /// <summary>Pushes of messages not sent by this run (none are expected).</summary>
    public int Foreign => Volatile.Read(ref foreign);

    public string Content(int message) => string.Create(CultureInfo.InvariantCulture, $"bench {tag} {message}: see you at the standup");

    public void SendStarting(int message) => Volatile.Write(ref sendStarted[message], Stopwatch.GetTimestamp());

    /// <summary>A hub record received by a client (called on the clients' receive loops).</summary>
    public void OnRecord(ReadOnlySpan<byte> record)
    {
        if (record.IndexOf(MessageSentTarget) < 0)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var receivedAt = DateTimeOffset.UtcNow;
        using var push = JsonDocument.Parse(record.ToArray());
        var sent = push.RootElement.GetProperty("arguments")[0];
        var words = sent.GetProperty("content").GetString()?.Split(' ', 4) ?? [];
        if (words.Length < 3 || words[1] != tag || !int.TryParse(words[2].TrimEnd(':'), CultureInfo.InvariantCulture, out var message))
        {
            Interlocked.Increment(ref foreign);
            return;
        }

        var leg = (receivedAt - sent.GetProperty("occurredAt").GetDateTimeOffset()).Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        Interlocked.Increment(ref deliveries[message]);
        Interlocked.Increment(ref delivered);
        lock (endToEnd)
        {
            endToEnd.Add(now - Volatile.Read(ref sendStarted[message]));
            eventLeg.Add(Math.Max(0, leg));
        }
    }

    /// <summary>Waits until every accepted message reached all its recipients, or <paramref name="patience"/> passes.</summary>
    public async Task WaitForAllAsync(int acceptedMessages, TimeSpan patience)
    {
        var deadline = Stopwatch.StartNew();
        while (Delivered < acceptedMessages * recipientsPerMessage && deadline.Elapsed < patience)
        {
            await Task.Delay(100);
        }
    }

    public DeliveryCounts Counts(int acceptedMessages, TimeSpan window)
    {
        lock (endToEnd)
        {
            return new DeliveryCounts(
                recipientsPerMessage, acceptedMessages * recipientsPerMessage, Delivered, deliveries.Count(d => d > recipientsPerMessage), Foreign,
                Latencies.From([.. endToEnd], 0, window), Latencies.From([.. eventLeg], 0, window));
        }
    }
}

/// <summary>Expected and delivered pushes, messages pushed more often than they have recipients, and both latencies.</summary>
internal sealed record DeliveryCounts(int RecipientsPerMessage, int Expected, int Delivered, int OverDelivered, int Foreign, Latencies EndToEnd, Latencies EventLeg);
