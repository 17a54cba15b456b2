using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// Members by key, and all of them as one array that is replaced when one joins or leaves: the loops that visit every
/// call and participant several times a second read that array and allocate nothing.
/// </summary>
internal sealed class Roster<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, TValue> members = new();
    private readonly Lock changing = new();
    private ImmutableArray<TValue> all = [];

    public ImmutableArray<TValue> All => all;

    public bool IsEmpty => members.IsEmpty;

    public TValue? Find(TKey key) => members.GetValueOrDefault(key);

    public bool Contains(TKey key) => members.ContainsKey(key);

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (members.TryGetValue(key, out var member))
        {
            return member;
        }

        lock (changing)
        {
            member = members.GetOrAdd(key, create);
            all = [.. members.Values];
            return member;
        }
    }

    public void Set(TKey key, TValue member)
    {
        lock (changing)
        {
            members[key] = member;
            all = [.. members.Values];
        }
    }

    /// <summary>Removes <paramref name="member"/> if it is still the one under <paramref name="key"/>.</summary>
    public bool TryRemove(TKey key, TValue member)
    {
        lock (changing)
        {
            if (!members.TryRemove(new KeyValuePair<TKey, TValue>(key, member)))
            {
                return false;
            }

            all = [.. members.Values];
            return true;
        }
    }
}
