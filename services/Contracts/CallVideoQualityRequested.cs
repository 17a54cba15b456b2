namespace WebRtcChat.Contracts;

/// <summary>
/// User <paramref name="UserId"/> asks, from the hub, that the video they receive in SFU call <paramref name="CallId"/>
/// (from <paramref name="PublisherUserId"/> only, or from everyone when null) be at most <paramref name="MaxHeight"/>
/// pixels high; 0 pauses it. The SFU node hosting the call applies it to every device of that user.
/// </summary>
public sealed record CallVideoQualityRequested(
    Guid CallId,
    Guid UserId,
    Guid? PublisherUserId,
    int MaxHeight,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
