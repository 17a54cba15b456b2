using System.Globalization;
using System.Text;

namespace WebRtcChat.Bench.Presence;

/// <summary>The markdown report: setup, client footprint, connections held per step, delivery latency per variant.</summary>
internal static class Report
{
    private const double DeliveryP99TargetMs = 100;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Render(
        BenchOptions options, string loadBefore, int users, List<ClientCost> footprint, ConnectionRun connections, List<DeliveryResult> deliveries)
    {
        var text = BenchReport.Start(
            "Presence benchmark: connections held and delivery latency", options.CommandLine, loadBefore, "Identity, Messaging, the gateway(s)");
        text.AppendLine("- Presence runs as its own process (the built `Presence.dll`, Production environment, logging off), started afresh for the connection ramp and for each delivery variant, so its RSS, managed heap and CPU time are its own. RSS from `/proc/<pid>/status`; managed heap from the runtime's `System.Runtime` counters over EventPipe (`gc-heap-size`, `gc-committed`, as `dotnet-counters` shows them).");
        text.AppendLine(Culture, $"- {users:N0} users registered through Identity (password hashing at concurrency 4); {options.Rooms} rooms of {options.RoomSize} created through Messaging.");
        text.AppendLine("- Clients are raw WebSockets speaking SignalR's JSON protocol (`HubSocket`: handshake, a ping every 10 s, records split on 0x1E), all in the bench process.");
        text.AppendLine();
        RenderFootprint(text, footprint);
        RenderConnections(text, options, connections);
        RenderDeliveries(text, options, deliveries);
        text.AppendLine("Analysis and what limits the numbers: `bench/README.md`, \"Notes on the Presence results\".");
        return text.ToString();
    }

    private static void RenderFootprint(StringBuilder text, List<ClientCost> footprint)
    {
        text.AppendLine("## Client side: what one idle hub connection costs the load generator");
        text.AppendLine();
        text.AppendLine("| client | connections | managed heap per connection (KB, after a full GC) | RSS per connection (KB) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var cost in footprint)
        {
            text.AppendLine(Culture, $"| {cost.Client} | {cost.Connections:N0} | {cost.HeapKbPerConnection:0.0} | {cost.RssKbPerConnection:0.0} |");
        }

        text.AppendLine();
    }

    private static void RenderConnections(StringBuilder text, BenchOptions options, ConnectionRun run)
    {
        text.AppendLine(Culture, $"## Idle connections held by one Presence instance (backplane on; {options.HoldUsers} users, their connections spread evenly; hold {options.Hold.TotalSeconds:0} s per step)");
        text.AppendLine();
        text.AppendLine(Culture, $"Before the first connection: RSS {run.Idle.RssMegabytes:0.0} MB, managed heap {run.Idle.HeapMegabytes:0.0} MB (committed {run.Idle.CommittedMegabytes:0.0} MB).");
        text.AppendLine();
        text.AppendLine("| connections | opened in (s) | open per second | connect p50 (ms) | connect p99 (ms) | failed | open after hold | heard from server within 20 s | Presence RSS (MB) | RSS per connection over idle (KB) | managed heap (MB) | GC committed (MB) | Presence CPU while holding (ms/s) | bench process RSS (MB) | load avg |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var step in run.Steps)
        {
            var c = step.Connect;
            var perConnection = (step.Memory.RssMegabytes - run.Idle.RssMegabytes) * 1024 / step.Target;
            text.AppendLine(Culture,
                $"| {step.Target:N0} | {c.Elapsed.TotalSeconds:0.0} | {c.PerSecond:0} | {c.P50Ms:0.0} | {c.P99Ms:0.0} | {c.Failures} | {step.Open:N0} | {step.HeardWithin:N0} | {step.Memory.RssMegabytes:0.0} | {perConnection:0.0} | {step.Memory.HeapMegabytes:0.0} | {step.Memory.CommittedMegabytes:0.0} | {step.PresenceCpuMsPerSecond:0} | {step.BenchRssMegabytes:0} | {step.LoadAverage} |");
        }

        foreach (var step in run.Steps.Where(s => s.EndReasons.Length > 0 || s.FirstFailure is not null))
        {
            text.AppendLine(Culture, $"- At {step.Target:N0}: ended: {step.EndReasons}; first connect failure: {step.FirstFailure ?? "none"}");
        }

        text.AppendLine();
        text.AppendLine("\"Opened in\" counts the WebSocket upgrade, the bearer token's validation and SignalR's handshake, 32 at a time; the connections of earlier steps stay open. \"Heard from server\" counts the connections that received at least SignalR's keep-alive ping (every 15 s) in the last 20 s of the hold.");
        text.AppendLine();
    }

    private static void RenderDeliveries(StringBuilder text, BenchOptions options, List<DeliveryResult> deliveries)
    {
        text.AppendLine(Culture, $"## Delivery: {options.Users:N0} connected clients in {options.Rooms} rooms of {options.RoomSize}, messages sent through the gateway's REST API for {options.SendDuration.TotalSeconds:0} s");
        text.AppendLine();
        text.AppendLine(Culture, $"Every room member has one hub connection and receives `message-sent` for each message of their room (the sender too), so each accepted message should be pushed {options.RoomSize} times. End to end: from the start of `POST /api/messages/send` to the receipt of the push; event leg: from the event's `occurredAt` (set by Messaging while it handles the send) to the receipt (same machine clock). Sends are paced open loop (a send starts every 1/rate s, at most 64 outstanding; none starts after the period, so a server that cannot keep up shows as a lower accepted rate), after an unmeasured warm-up of 3 s worth of messages on the fresh Presence process. The outbox backlog is the most events Messaging had committed but not yet published to RabbitMQ (sampled every 500 ms).");
        text.AppendLine();
        text.AppendLine("Presence CPU is the CPU time of the Presence process(es) from the first send until the last push arrived (or 30 s after the last send), background work included (the heartbeat vouching for 1,000 connections every 10 s, keep-alive pings); the idle rate is measured over 5 s after the last push arrived (clients still connected), and the last column subtracts it over the measured window. \"Messages fully pushed per s\" is the accepted messages over the time from the first send to the last push: what the whole path (Messaging, outbox, RabbitMQ, Presence) carried. In the first row of each table the hub connections also go through the gateway (YARP proxies the WebSockets); in (a)-(c) they go straight to the instances. In (c) client `i` connects to instance `i mod 2` and the instances compete for the events, so about half of each message's pushes are for the other instance's clients and cross the backplane.");
        text.AppendLine();
        foreach (var rate in deliveries.GroupBy(d => d.Rate))
        {
            text.AppendLine(Culture, $"### Offered {rate.Key} messages/s ({rate.Key * options.SendDuration.TotalSeconds:N0} messages)");
            text.AppendLine();
            text.AppendLine(Culture, $"| variant | sends accepted (per s) | send 201 p50 / p99 (ms) | pushes delivered / expected | end to end p50 (ms) | p95 | p99 | max | target p99 < {DeliveryP99TargetMs:0} ms | event leg p50 / p99 (ms) | messages fully pushed per s | outbox backlog max (events) | Presence CPU (s) | Presence CPU s per 1,000 pushes | Presence idle CPU (ms/s) | per 1,000 pushes net of idle (s) | clients open at end | load avg |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var d in rate)
            {
                RenderDelivery(text, d);
            }

            text.AppendLine();
        }
    }

    private static void RenderDelivery(StringBuilder text, DeliveryResult d)
    {
        var (s, e2e, leg) = (d.Sends, d.Counts.EndToEnd, d.Counts.EventLeg);
        var verdict = d.Counts.Delivered < d.Counts.Expected ? "missed (pushes lost)" : e2e.P99Ms < DeliveryP99TargetMs ? "met" : "missed";
        text.AppendLine(Culture,
            $"| {d.Variant.Name} | {s.Count:N0} ({s.PerSecond:0}/s), {s.Failures} failed | {s.P50Ms:0} / {s.P99Ms:0} | {d.Counts.Delivered:N0} / {d.Counts.Expected:N0}{Extra(d.Counts)} | {e2e.P50Ms:0.0} | {e2e.P95Ms:0.0} | {e2e.P99Ms:0.0} | {e2e.MaxMs:0.0} | {verdict} | {leg.P50Ms:0.0} / {leg.P99Ms:0.0} | {d.MessagesPushedPerSecond:0} | {d.MaxOutboxBacklog:N0} | {d.PresenceCpuSeconds:0.00} | {d.PresenceCpuSecondsPerThousand:0.000} | {d.PresenceIdleCpuPerSecond * 1000:0} | {d.PresenceCpuSecondsPerThousandNetOfIdle:0.000} | {d.OpenAtEnd:N0} | {d.LoadAverage} |");
    }

    private static string Extra(DeliveryCounts counts) =>
        (counts.OverDelivered, counts.Foreign) switch
        {
            (0, 0) => string.Empty,
            var (over, foreign) => string.Create(CultureInfo.InvariantCulture, $" ({over} messages pushed too often, {foreign} unknown pushes)"),
        };
}
