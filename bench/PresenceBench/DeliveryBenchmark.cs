using System.Diagnostics;
using System.Globalization;
using WebRtcChat.Presence.Hubs;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Presence;

/// <summary>
/// One delivery run: fresh Presence instance(s) as the variant says, a gateway in front, every room member connected
/// to the hub (one connection each), then messages sent through the gateway's REST API at the paced rate while the
/// tracker times each push at each recipient; the Presence processes' CPU time is read around the sends.
/// </summary>
internal static class DeliveryBenchmark
{
    private const int MaxInFlight = 64;
    private const int ConnectConcurrency = 32;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static readonly DeliveryVariant[] Variants =
    [
        new("REST and hub through the gateway, one instance, backplane on", 1, Backplane: true, HubThroughGateway: true),
        new("(a) one instance, backplane on", 1, Backplane: true, HubThroughGateway: false),
        new("(b) one instance, backplane off", 1, Backplane: false, HubThroughGateway: false),
        new("(c) two instances, backplane on, clients split", 2, Backplane: true, HubThroughGateway: false),
    ];

    public static async Task<DeliveryResult> RunAsync(BenchOptions options, int rate, PresenceStack stack, ChatRooms rooms, DeliveryVariant variant)
    {
        var instances = new List<ServiceProcess>();
        try
        {
            for (var i = 0; i < variant.Instances; i++)
            {
                instances.Add(await stack.StartPresenceAsync(variant.Backplane));
            }

            var gateway = stack.StartGateway(instances[0].Url);
            using var http = ChatCalls.Client(gateway);
            var clients = rooms.Members.SelectMany(room => room).ToArray();
            var warmUp = new DeliveryTracker((int)(rate * WarmUp.TotalSeconds), options.RoomSize);
            var tracker = new DeliveryTracker((int)(rate * options.SendDuration.TotalSeconds), options.RoomSize);
            var listening = warmUp;
            await using var pool = new HubSocketPool();
            var connect = await pool.AddAsync(clients.Length, ConnectConcurrency, i =>
                (new Uri(variant.HubThroughGateway ? gateway : instances[i % instances.Count].Url, ChatHub.Path), clients[i].AccessToken, record => listening.OnRecord(record)));
            if (pool.Count != clients.Length)
            {
                throw new InvalidOperationException($"Only {pool.Count} of {clients.Length} clients connected: {pool.FirstFailure}");
            }

            await Task.Delay(Settle);

            // A fresh Presence process (and the gateway) compile their hot paths on the first messages: not measured.
            await warmUp.WaitForAllAsync((await SendAsync(rate, WarmUp, warmUp, rooms, http)).Count, Drain);
            listening = tracker;
            var load = MachineInfo.LoadAverage();
            var cpuBefore = instances.Sum(p => p.Usage().Cpu.TotalSeconds);
            var clock = Stopwatch.StartNew();
            Latencies sends;
            long backlog;
            await using (var outbox = new OutboxBacklog(stack.MessagingDatabase))
            {
                sends = await SendAsync(rate, options.SendDuration, tracker, rooms, http);
                await tracker.WaitForAllAsync(sends.Count, Drain);
                backlog = outbox.Max;
            }

            var cpu = instances.Sum(p => p.Usage().Cpu.TotalSeconds) - cpuBefore;
            var idleCpuPerSecond = await IdleCpuPerSecondAsync(instances);
            var counts = tracker.Counts(sends.Count, clock.Elapsed);
            var result = new DeliveryResult(variant, rate, connect, sends, counts, cpu, idleCpuPerSecond, pool.Check(TimeSpan.FromSeconds(20)).Open, backlog, load);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"delivery at {rate}/s, {variant.Name}: {sends.PerSecond:0} sends/s, {counts.Delivered}/{counts.Expected} delivered, p50 {counts.EndToEnd.P50Ms:0} ms, p99 {counts.EndToEnd.P99Ms:0} ms, outbox backlog max {backlog}, Presence CPU {result.PresenceCpuSecondsPerThousand:0.000} s per 1,000"));
            return result;
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    /// <summary>The instances' CPU time per second with the clients connected and every push delivered (heartbeats, pings).</summary>
    private static async Task<double> IdleCpuPerSecondAsync(List<ServiceProcess> instances)
    {
        var before = instances.Sum(p => p.Usage().Cpu.TotalSeconds);
        await Task.Delay(IdleWindow);
        return (instances.Sum(p => p.Usage().Cpu.TotalSeconds) - before) / IdleWindow.TotalSeconds;
    }

    private static Task<Latencies> SendAsync(int rate, TimeSpan duration, DeliveryTracker tracker, ChatRooms rooms, HttpClient http) =>
        PacedSender.RunAsync(rate, duration, MaxInFlight, i =>
        {
            var (room, sender) = rooms.ForMessage(i);
            tracker.SendStarting(i);
            return ChatCalls.SendAsync(http, sender, room, tracker.Content(i), Guid.CreateVersion7().ToString());
        });
}

internal sealed record DeliveryVariant(string Name, int Instances, bool Backplane, bool HubThroughGateway);

internal sealed record DeliveryResult(
    DeliveryVariant Variant, int Rate, Latencies Connect, Latencies Sends, DeliveryCounts Counts, double PresenceCpuSeconds, double PresenceIdleCpuPerSecond, int OpenAtEnd, long MaxOutboxBacklog, string LoadAverage)
{
    public double PresenceCpuSecondsPerThousand => PresenceCpuSeconds / Math.Max(1, Counts.Delivered) * 1000;

    /// <summary>Less what the instances spend idle (heartbeats, pings) over the same time.</summary>
    public double PresenceCpuSecondsPerThousandNetOfIdle =>
        (PresenceCpuSeconds - (PresenceIdleCpuPerSecond * Counts.EndToEnd.Elapsed.TotalSeconds)) / Math.Max(1, Counts.Delivered) * 1000;

    /// <summary>Messages whose pushes all arrived, per second from the first send to the last push: what the whole path carried.</summary>
    public double MessagesPushedPerSecond => Counts.Delivered / (double)Counts.RecipientsPerMessage / Counts.EndToEnd.Elapsed.TotalSeconds;
}
