using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Aspire.Hosting.ApplicationModel;

public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);

/// <summary>The console output of every resource: a bounded backlog plus a live feed.</summary>
public sealed class ResourceLoggerService(TimeProvider timeProvider)
{
    public const int BacklogSize = 5000;

    private readonly ConcurrentDictionary<string, ResourceLog> logs = new(StringComparer.Ordinal);

    public void Write(string resourceName, string text, bool isError = false) => For(resourceName).Append(text, isError, timeProvider.GetUtcNow());

    public IReadOnlyList<LogLine> GetBacklog(string resourceName) => For(resourceName).Snapshot();

    /// <summary>The backlog first, then each new line as it is written.</summary>
    public IAsyncEnumerable<LogLine> WatchAsync(string resourceName, CancellationToken cancellationToken = default) =>
        For(resourceName).WatchAsync(cancellationToken);

    private ResourceLog For(string resourceName) => logs.GetOrAdd(resourceName, _ => new ResourceLog());

    private sealed class ResourceLog
    {
        private readonly Queue<LogLine> backlog = new();
        private readonly List<Channel<LogLine>> watchers = [];
        private readonly Lock gate = new();
        private long sequence;

        public void Append(string text, bool isError, DateTimeOffset now)
        {
            lock (gate)
            {
                var line = new LogLine(++sequence, now, text, isError);
                backlog.Enqueue(line);
                if (backlog.Count > BacklogSize)
                {
                    backlog.Dequeue();
                }

                foreach (var watcher in watchers)
                {
                    watcher.Writer.TryWrite(line);
                }
            }
        }

        public IReadOnlyList<LogLine> Snapshot()
        {
            lock (gate)
            {
                return [.. backlog];
            }
        }

        public async IAsyncEnumerable<LogLine> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var channel = Channel.CreateUnbounded<LogLine>(new UnboundedChannelOptions { SingleReader = true });
            lock (gate)
            {
                foreach (var line in backlog)
                {
                    channel.Writer.TryWrite(line);
                }

                watchers.Add(channel);
            }

            try
            {
                await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
                {
                    yield return line;
                }
            }
            finally
            {
                lock (gate)
                {
                    watchers.Remove(channel);
                }
            }
        }
    }
}
