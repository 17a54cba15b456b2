using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace WebRtcChat.ServiceDefaults.Tests.Support;

/// <summary>Keeps every span a host's tracer provider finishes, as an exporter would receive them.</summary>
public sealed class SpanCollector : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> spans = new();

    public IReadOnlyList<Activity> Spans => [.. spans];

    public void Clear() => spans.Clear();

    public override void OnEnd(Activity data) => spans.Enqueue(data);
}
