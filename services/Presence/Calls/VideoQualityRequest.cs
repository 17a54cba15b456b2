using Microsoft.AspNetCore.SignalR;

namespace WebRtcChat.Presence.Calls;

/// <summary>The bounds of a <c>set-call-video-quality</c> request.</summary>
public static class VideoQualityRequest
{
    /// <summary>8K; 0 pauses the video.</summary>
    public const int MaxHeight = 4320;

    /// <summary>Refuses a request the SFU could not honour, with the reason.</summary>
    public static void Validate(Guid callId, Guid caller, int maxHeight, Guid? publisherUserId)
    {
        if (callId == Guid.Empty)
        {
            throw new HubException("callId is required.");
        }

        if (maxHeight is < 0 or > MaxHeight)
        {
            throw new HubException($"maxHeight must be between 0 (pause) and {MaxHeight} pixels.");
        }

        if (publisherUserId == Guid.Empty || publisherUserId == caller)
        {
            throw new HubException("publisherUserId must be another participant of the call (or null for everyone).");
        }
    }
}
