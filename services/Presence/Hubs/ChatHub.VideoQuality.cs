using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Calls;

namespace WebRtcChat.Presence.Hubs;

public sealed partial class ChatHub
{
    /// <summary>
    /// The caller wants the video it receives in SFU call <paramref name="callId"/> (from <paramref name="publisherUserId"/>
    /// only, or from everyone) at most <paramref name="maxHeight"/> pixels high, 0 to pause it: thumbnail or spotlight.
    /// Published as <see cref="CallVideoQualityRequested"/>; the SFU node hosting the call applies it to the caller's
    /// devices in the call and ignores it for anyone else (Presence keeps no SFU participant lists).
    /// </summary>
    [HubMethodName("set-call-video-quality")]
    public Task SetCallVideoQuality(Guid callId, int maxHeight, Guid? publisherUserId)
    {
        VideoQualityRequest.Validate(callId, Caller, maxHeight, publisherUserId);
        return bus.Publish(new CallVideoQualityRequested(callId, Caller, publisherUserId, maxHeight, time.GetUtcNow()), Context.ConnectionAborted);
    }
}
