namespace WebRtcChat.MediaSfu.Media;

/// <summary>Applies a subscriber's requested video height (REST or the hub's event) and re-plans its layers at once, so the key frames a switch needs are asked for now.</summary>
public sealed class VideoQualityControl(VideoRequests requests, LayerPlanner planner)
{
    /// <summary>The largest height a request may name (8K).</summary>
    public const int MaxHeightLimit = 4320;

    public void Apply(IEnumerable<MediaPeer> subscribers, int maxHeight, Guid? publisherParticipantId = null, Guid? publisherUserId = null)
    {
        foreach (var subscriber in subscribers)
        {
            requests.Request(subscriber, maxHeight, publisherParticipantId, publisherUserId);
            planner.Plan(subscriber);
        }
    }
}
