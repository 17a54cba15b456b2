using System.Collections.Concurrent;

namespace WebRtcChat.Presence.Status;

/// <summary>The hub connections open on this instance, which it vouches for in Redis at every heartbeat.</summary>
public sealed class LocalConnections
{
    private readonly ConcurrentDictionary<string, Guid> connections = new(StringComparer.Ordinal);

    public void Add(string connectionId, Guid userId) => connections[connectionId] = userId;

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    public IReadOnlyList<(string ConnectionId, Guid UserId)> Snapshot() => [.. connections.Select(c => (c.Key, c.Value))];
}
