using System.Collections.Concurrent;
using System.Collections.Immutable;
using WebRtcChat.MediaSfu.Media.Recovery;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The media of one call on this node: its participants' connections and who receives which track. Each receive-only
/// m-section a participant offers carries one other participant's track, kept on the same m-section across
/// renegotiations; a new one gets a track nobody has given that participant yet (earliest publisher first).
/// </summary>
public sealed class MediaCall(Guid callId, TimeProvider time, LossRecoverySettings? recovery = null)
{
    private readonly Roster<Guid, MediaPeer> peers = new();
    private readonly ConcurrentDictionary<Guid, Dictionary<string, Subscription>> subscriptionsByPeer = new();
    private readonly Lock planning = new();

    public Guid CallId { get; } = callId;

    public ImmutableArray<MediaPeer> Peers => peers.All;

    public bool IsEmpty => peers.IsEmpty;

    public MediaPeer? Find(Guid participantId) => peers.Find(participantId);

    /// <summary>The forwarded track with this SSRC, from whichever participant publishes it.</summary>
    public ForwardedTrack? FindTrack(uint ssrc)
    {
        foreach (var peer in peers.All)
        {
            foreach (var track in peer.Published)
            {
                if (track.Ssrc == ssrc)
                {
                    return track;
                }
            }
        }

        return null;
    }

    public void Add(MediaPeer peer)
    {
        peers.Set(peer.ParticipantId, peer);
        subscriptionsByPeer[peer.ParticipantId] = new Dictionary<string, Subscription>(StringComparer.Ordinal);
    }

    /// <summary>Removes a participant: its tracks stop reaching anyone and it stops receiving.</summary>
    public void Remove(MediaPeer peer)
    {
        lock (planning)
        {
            if (!peers.TryRemove(peer.ParticipantId, peer))
            {
                return;
            }

            foreach (var track in peers.All.SelectMany(p => p.Published))
            {
                track.Remove(peer);
            }

            subscriptionsByPeer.TryRemove(peer.ParticipantId, out _);
            foreach (var (subscriberId, subscriptions) in subscriptionsByPeer)
            {
                foreach (var (mid, _) in subscriptions.Where(s => s.Value.Track.Publisher == peer).ToList())
                {
                    subscriptions.Remove(mid);
                }

                peers.Find(subscriberId)?.Receive(subscriptions.Values);
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="peer"/>'s latest offer: the tracks it publishes, and a track for each of its receive-only
    /// m-sections. Returns what the answer must say about every section, in the offer's order.
    /// </summary>
    public IReadOnlyList<SectionAssignment> Negotiate(MediaPeer peer, IReadOnlyList<OfferedSection> sections)
    {
        lock (planning)
        {
            var published = sections.Where(PublishedTracks.IsPublished).Select(s => PublishedTracks.Of(peer, s, recovery ?? LossRecoverySettings.Default, time)).ToList();
            peer.Publish(published);
            peer.Received.ExtensionId = sections.Where(s => s.Sends).Select(s => s.TransportSequenceExtensionId).FirstOrDefault(id => id != 0);

            var current = subscriptionsByPeer.GetOrAdd(peer.ParticipantId, _ => new Dictionary<string, Subscription>(StringComparer.Ordinal));
            var assignments = new List<SectionAssignment>(sections.Count);
            foreach (var section in sections)
            {
                var own = published.FirstOrDefault(t => PublishedTracks.Matches(t, section));
                var forwarded = section is { Receives: true, Stopped: false } ? Subscribe(peer, section, current) : Unsubscribe(peer, section.Mid, current);
                assignments.Add(new SectionAssignment(section, own, forwarded));
            }

            peer.Receive(current.Values);
            return assignments;
        }
    }

    private ForwardedTrack? Subscribe(MediaPeer subscriber, OfferedSection section, Dictionary<string, Subscription> current)
    {
        if (current.TryGetValue(section.Mid, out var kept) && peers.Contains(kept.Track.Publisher.ParticipantId))
        {
            return kept.Track;
        }

        var taken = current.Values.Select(s => s.Track).ToHashSet();
        var next = peers.All
            .Where(p => p != subscriber)
            .SelectMany(p => p.Published)
            .FirstOrDefault(t => t.Kind == section.Kind && !taken.Contains(t));
        if (next is null)
        {
            current.Remove(section.Mid);
            return null;
        }

        var subscription = new Subscription(subscriber, next, section.Mid, PayloadMap.Between(next.PayloadCodecs, section.PayloadCodecs, section.RtxPayloadTypes))
        {
            SendTimeExtensionId = section.AbsSendTimeExtensionId,
            TransportSequenceExtensionId = section.TransportSequenceExtensionId,
        };
        current[section.Mid] = subscription;
        next.Add(subscription);
        if (subscriber.IsConnected && next.Kind == MediaKind.Video)
        {
            subscription.Layers.RequestKeyframe();
        }

        return next;
    }

    private static ForwardedTrack? Unsubscribe(MediaPeer subscriber, string mid, Dictionary<string, Subscription> current)
    {
        if (current.Remove(mid, out var gone))
        {
            gone.Track.Remove(subscriber);
        }

        return null;
    }
}
