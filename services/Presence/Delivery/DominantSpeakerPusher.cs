using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Calls;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Delivery;

/// <summary>Tells the users in an SFU call who speaks now; the event names them, so Presence keeps no SFU call state.</summary>
public sealed class DominantSpeakerPusher(IHubContext<ChatHub> hub) : ChatEventPusher<CallDominantSpeakerChanged>(hub)
{
    protected override string Method => CallEventNames.DominantSpeaker;

    protected override IEnumerable<Guid> RecipientsOf(CallDominantSpeakerChanged message) => message.ParticipantUserIds;

    protected override object PayloadOf(CallDominantSpeakerChanged message) => new DominantSpeaker(message.CallId, message.UserId);
}
