using System.Runtime.CompilerServices;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The maximum video height each subscriber asked for (e.g. thumbnails vs. a spotlight): for everyone it receives, or
/// for one publisher (by participant, or by user so it survives the publisher rejoining). A request for everyone
/// replaces the earlier per-publisher ones. Kept with the subscriber's connection and gone with it.
/// </summary>
public sealed class VideoRequests
{
    private readonly ConditionalWeakTable<MediaPeer, Preferences> bySubscriber = [];

    /// <summary>Records a request; it applies from the next plan of the subscriber's layers.</summary>
    public void Request(MediaPeer subscriber, int maxHeight, Guid? publisherParticipantId = null, Guid? publisherUserId = null)
    {
        var preferences = bySubscriber.GetValue(subscriber, _ => new Preferences());
        lock (preferences)
        {
            if (publisherParticipantId is { } participant)
            {
                preferences.ByParticipant[participant] = maxHeight;
            }
            else if (publisherUserId is { } user)
            {
                preferences.ByUser[user] = maxHeight;
            }
            else
            {
                (preferences.Everyone, preferences.ByParticipant, preferences.ByUser) = (maxHeight, [], []);
            }
        }
    }

    /// <summary>The height <paramref name="subscriber"/> asked for from <paramref name="publisher"/>; unlimited when it asked nothing.</summary>
    public int MaxHeight(MediaPeer subscriber, MediaPeer publisher)
    {
        if (!bySubscriber.TryGetValue(subscriber, out var preferences))
        {
            return LayerSwitcher.Unlimited;
        }

        lock (preferences)
        {
            return preferences.ByParticipant.TryGetValue(publisher.ParticipantId, out var height)
                || preferences.ByUser.TryGetValue(publisher.UserId, out height)
                ? height
                : preferences.Everyone;
        }
    }

    private sealed class Preferences
    {
        public int Everyone { get; set; } = LayerSwitcher.Unlimited;

        public Dictionary<Guid, int> ByParticipant { get; set; } = [];

        public Dictionary<Guid, int> ByUser { get; set; } = [];
    }
}
