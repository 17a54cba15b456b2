using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Aspire.Hosting.Dashboard.Telemetry;

/// <summary>
/// The telemetry the dashboard has received, in memory and bounded: the newest spans and log records
/// are kept, older ones drop out. Watchers are told that something changed, not what.
/// </summary>
public sealed class TelemetryStore(int maxSpans = TelemetryStore.DefaultMaxSpans, int maxLogs = TelemetryStore.DefaultMaxLogs)
{
    public const int DefaultMaxSpans = 10_000;
    public const int DefaultMaxLogs = 10_000;

    private readonly Queue<SpanRecord> spans = new();
    private readonly Dictionary<string, List<SpanRecord>> traces = new(StringComparer.Ordinal);
    private readonly LinkedList<LogEntry> logs = new();
    private readonly Dictionary<string, SortedSet<string>> metrics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Channel<long>, bool> watchers = new();
    private readonly Lock gate = new();
    private long version;
    private long logSequence;

    public long Version => Interlocked.Read(ref version);

    public void AddSpans(IReadOnlyCollection<SpanRecord> received)
    {
        if (received.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            foreach (var span in received)
            {
                spans.Enqueue(span);
                if (!traces.TryGetValue(span.TraceId, out var trace))
                {
                    traces[span.TraceId] = trace = [];
                }

                trace.Add(span);
                if (spans.Count > maxSpans)
                {
                    Evict(spans.Dequeue());
                }
            }
        }

        Changed();
    }

    public void AddLogs(IReadOnlyCollection<LogEntry> received)
    {
        if (received.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            foreach (var entry in received)
            {
                logs.AddFirst(entry with { Sequence = ++logSequence });
                if (logs.Count > maxLogs)
                {
                    logs.RemoveLast();
                }
            }
        }

        Changed();
    }

    public void AddMetrics(string service, IEnumerable<string> names)
    {
        lock (gate)
        {
            if (!metrics.TryGetValue(service, out var known))
            {
                metrics[service] = known = new SortedSet<string>(StringComparer.Ordinal);
            }

            known.UnionWith(names);
        }

        Changed();
    }

    /// <summary>Trace summaries, newest first, optionally only those that crossed <paramref name="service"/>.</summary>
    public IReadOnlyList<TraceSummary> GetTraces(string? service = null, int limit = 500)
    {
        lock (gate)
        {
            return
            [
                .. traces
                    .Where(t => service is null || t.Value.Exists(s => s.Service == service))
                    .Select(t => TraceSummary.Of(t.Key, t.Value))
                    .OrderByDescending(t => t.Start)
                    .Take(limit),
            ];
        }
    }

    /// <summary>The spans of one trace in start order, or null when the trace is unknown (or has aged out).</summary>
    public IReadOnlyList<SpanRecord>? GetTrace(string traceId)
    {
        lock (gate)
        {
            return traces.TryGetValue(traceId, out var trace) ? [.. trace.OrderBy(s => s.Start)] : null;
        }
    }

    /// <summary>Log records, newest first.</summary>
    public IReadOnlyList<LogEntry> GetLogs(string? service = null, string? traceId = null, int limit = 500)
    {
        lock (gate)
        {
            return
            [
                .. logs
                    .Where(l => (service is null || l.Service == service) && (traceId is null || l.TraceId == traceId))
                    .Take(limit),
            ];
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> GetMetricNames()
    {
        lock (gate)
        {
            return metrics.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)[.. m.Value], StringComparer.Ordinal);
        }
    }

    /// <summary>Every service that has sent telemetry of any kind.</summary>
    public IReadOnlyList<string> GetServices()
    {
        lock (gate)
        {
            return
            [
                .. traces.Values.SelectMany(t => t).Select(s => s.Service)
                    .Concat(logs.Select(l => l.Service))
                    .Concat(metrics.Keys)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal),
            ];
        }
    }

    /// <summary>Yields the current version, then a newer one after each change; bursts collapse into one.</summary>
    public async IAsyncEnumerable<long> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        watchers.TryAdd(channel, true);
        try
        {
            yield return Version;
            await foreach (var next in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return next;
            }
        }
        finally
        {
            watchers.TryRemove(channel, out _);
        }
    }

    private void Evict(SpanRecord span)
    {
        if (traces.TryGetValue(span.TraceId, out var trace))
        {
            trace.Remove(span);
            if (trace.Count == 0)
            {
                traces.Remove(span.TraceId);
            }
        }
    }

    private void Changed()
    {
        var next = Interlocked.Increment(ref version);
        foreach (var watcher in watchers.Keys)
        {
            watcher.Writer.TryWrite(next);
        }
    }
}
