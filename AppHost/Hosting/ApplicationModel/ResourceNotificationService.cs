using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The current state of every resource, and a stream of changes for whoever watches
/// (the dashboard, WaitFor, tests).
/// </summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Channel<ResourceSnapshot>, bool> watchers = new();
    private readonly Lock updateLock = new();
    private long version;

    public IReadOnlyList<ResourceSnapshot> GetAll() => [.. snapshots.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public ResourceSnapshot? Get(string name) => snapshots.GetValueOrDefault(name);

    public void Register(ResourceSnapshot initial) => Publish(initial with { Version = Interlocked.Increment(ref version) });

    /// <summary>Applies <paramref name="change"/> to the resource's current snapshot and tells every watcher.</summary>
    public ResourceSnapshot Update(string name, Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        lock (updateLock)
        {
            var current = snapshots.GetValueOrDefault(name)
                ?? throw new InvalidOperationException($"Unknown resource '{name}'.");
            var next = change(current);
            if (next == current)
            {
                return current;
            }

            next = next with { Version = Interlocked.Increment(ref version) };
            Publish(next);
            return next;
        }
    }

    /// <summary>Every current snapshot first, then each change as it happens.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceSnapshot>(new UnboundedChannelOptions { SingleReader = true });
        watchers.TryAdd(channel, true);
        try
        {
            foreach (var snapshot in GetAll())
            {
                yield return snapshot;
            }

            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            watchers.TryRemove(channel, out _);
        }
    }

    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        WaitForAsync(name, s => s.IsHealthy, cancellationToken);

    public Task<ResourceSnapshot> WaitForResourceAsync(string name, string state, CancellationToken cancellationToken = default) =>
        WaitForAsync(name, s => s.State == state, cancellationToken);

    public async Task<ResourceSnapshot> WaitForAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in WatchAsync(cancellationToken))
        {
            if (snapshot.Name == name && predicate(snapshot))
            {
                return snapshot;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    private void Publish(ResourceSnapshot snapshot)
    {
        snapshots[snapshot.Name] = snapshot;
        foreach (var watcher in watchers.Keys)
        {
            watcher.Writer.TryWrite(snapshot);
        }
    }
}
