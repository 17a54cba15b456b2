using System.Globalization;
using System.Text;

namespace WebRtcChat.Bench.Messaging;

/// <summary>The markdown report: machine, command, send throughput, seeding, history page latency against the target, query plans.</summary>
internal static class Report
{
    private const double PageP99TargetMs = 20.0;

    public static string Render(
        BenchOptions options, string loadBefore, RunFacts facts, List<SendPhase> sends, List<HistoryPhase> history, string plans)
    {
        var (users, seeding, sizes) = (facts.Users, facts.Seeding, facts.TableSizes);
        var culture = CultureInfo.InvariantCulture;
        var text = BenchReport.Start(
            "Messaging benchmark: messages per second and history pages", options.CommandLine, loadBefore, "Identity, Messaging and the gateway");
        text.AppendLine("- Every send also writes its `MessageSent` outbox row, which the outbox dispatcher publishes to RabbitMQ during the run.");
        text.AppendLine(culture, $"- {users} users registered through Identity; Messaging learnt of them from the `UserRegistered` events.");
        text.AppendLine(culture, $"- With no load (10 s after the last phase), the process uses {facts.IdleCpuMsPerSecond:0} ms of CPU per second (the services' background work); the CPU-per-operation columns below include that share.");
        text.AppendLine();
        text.AppendLine(culture, $"## Sending ({options.PhaseDuration.TotalSeconds:0} s per phase, {options.Senders} concurrent senders, each sending one message after another)");
        text.AppendLine();
        text.AppendLine("| layout | via | senders | rooms | 201s | failed | persisted (database count) | persisted per second | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | bench process CPU per send (ms) | load avg before |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in sends)
        {
            var r = s.Result;
            text.AppendLine(culture,
                $"| {s.Layout} | {s.Via} | {s.Senders} | {s.Rooms} | {r.Count} | {r.Failures} | {s.Persisted} | {s.PersistedPerSecond:0.0} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} | {r.MaxMs:0.0} | {r.CpuMsPerOperation:0.00} | {s.LoadAverageBefore} |");
        }

        text.AppendLine();
        text.AppendLine("A send runs one transaction: it locks the room's row (`SELECT ... FOR UPDATE`), checks membership, idempotency and mentions, takes the room's next sequence number, inserts the message, the sender's read mark and the outbox row, and commits. In one shared room every send waits for the previous one's commit, so that layout measures one room's serial commit rate; in separate rooms the sends run in parallel and share the CPU.");
        text.AppendLine();
        text.AppendLine(culture, $"## History pages on a room of {options.HistoryMessages:N0} messages ({options.HistoryMembers} members)");
        text.AppendLine();
        text.AppendLine(culture, $"Seeded with SQL in {seeding.TotalSeconds:0} s, then `VACUUM ANALYZE`:");
        text.AppendLine();
        text.AppendLine("| table | rows (whole database) | size with indexes |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (table, rows, size) in sizes)
        {
            text.AppendLine(culture, $"| {table} | {rows:N0} | {size} |");
        }

        text.AppendLine();
        text.AppendLine(culture, $"`GET /api/messages/room/{{id}}?limit={HistoryBenchmark.PageSize}`, warm, one request at a time (each timed alone), by a member (the room has {options.HistoryMembers} members; rooms up to `Messaging:ReadByDetailMaxMembers`, 20 by default, list every message's readers with times in `readBy`):");
        text.AppendLine();
        text.AppendLine(culture, $"| page | via | response bytes | requests | failed | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | bench process CPU per request (ms) | target p99 < {PageP99TargetMs:0} ms | load avg before |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var h in history)
        {
            var r = h.Result;
            var verdict = r.Failures > 0 ? "missed (failures)" : r.P99Ms < PageP99TargetMs ? "met" : "missed";
            text.AppendLine(culture,
                $"| {h.Page} | {h.Via} | {h.PageBytes:N0} | {r.Count + r.Failures} | {r.Failures} | {r.P50Ms:0.00} | {r.P95Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0.00} | {r.CpuMsPerOperation:0.00} | {verdict} | {h.LoadAverageBefore} |");
        }

        text.AppendLine();
        text.AppendLine("\"bench process CPU\" is the CPU time the one process (load generator, gateway, Identity and Messaging) used during the phase, divided by the requests: the cost of a request on this machine, apart from PostgreSQL's own (see the plans below), whatever else the machine is doing. The response size is of one page. \"`readBy` off\" is a second Messaging instance on the same database with `Messaging:ReadByDetailMaxMembers` 0: the same page with read counts but no per-reader lists, to show what those lists cost.");
        text.AppendLine("The `before` and `after` pages use 200 different cursors (random messages in the middle 20 % of the room, and among messages 500-5,000), one after another.");
        text.AppendLine();
        text.AppendLine("## Query plans of one history request (EXPLAIN (ANALYZE, BUFFERS), warm)");
        text.AppendLine();
        text.Append(plans);
        text.AppendLine();
        text.AppendLine("Analysis and what would change the numbers: `bench/README.md`, \"Notes on the Messaging results\".");
        return text.ToString();
    }
}

/// <summary>What the report says about the run besides the phases: users, idle CPU, seeding time and table sizes.</summary>
internal sealed record RunFacts(int Users, double IdleCpuMsPerSecond, TimeSpan Seeding, List<(string Table, long Rows, string Size)> TableSizes);
