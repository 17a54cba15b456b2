using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Presence.Calls;

namespace WebRtcChat.Presence.Hubs;

/// <summary>
/// Call signaling: the lifecycle (invite, ring on every device, accept on one, reject, cancel, hang up) and the relay of
/// SDP and ICE between the participating connections of one call. Refusals come back as <see cref="HubException"/>s.
/// </summary>
public sealed partial class ChatHub
{
    /// <summary>Calls <paramref name="calleeId"/> (<c>audio</c> or <c>video</c>); this connection takes part. Returns the call id.</summary>
    public async Task<Guid> InviteUser(Guid calleeId, string media) =>
        (await calls.InviteUserAsync(Caller, Context.ConnectionId, calleeId, media, Context.ConnectionAborted)).Id;

    /// <summary>Starts a mesh call in a room, ringing its members. Returns the call id.</summary>
    public async Task<Guid> InviteRoom(Guid roomId, string media) =>
        (await calls.InviteRoomAsync(Caller, Context.ConnectionId, roomId, media, Context.ConnectionAborted)).Id;

    /// <summary>Answers on this device (the user's other devices stop ringing). <paramref name="switchCalls"/> leaves the current call first.</summary>
    public async Task<IReadOnlyList<Guid>> AcceptCall(Guid callId, bool switchCalls) =>
        await ParticipantsOrSfuAsync(await calls.AcceptAsync(Caller, Context.ConnectionId, callId, switchCalls, Context.ConnectionAborted));

    /// <summary>Takes part in a room's running call (members only). Returns the participants to connect to.</summary>
    [HubMethodName("join-group-call")]
    public async Task<IReadOnlyList<Guid>> JoinGroupCall(Guid roomId, bool switchCalls) =>
        await ParticipantsOrSfuAsync(await calls.JoinRoomCallAsync(Caller, Context.ConnectionId, roomId, switchCalls, Context.ConnectionAborted));

    public Task RejectCall(Guid callId) => calls.RejectAsync(Caller, callId, Context.ConnectionAborted);

    public Task CancelCall(Guid callId) => calls.CancelAsync(Caller, callId, Context.ConnectionAborted);

    public Task HangUp(Guid callId) => calls.HangUpAsync(Caller, callId, Context.ConnectionAborted);

    /// <summary>After a reconnect, this new connection takes the user's place in the call (before the leave grace ends).</summary>
    public Task RejoinCall(Guid callId) => calls.RejoinAsync(Caller, Context.ConnectionId, callId, Context.ConnectionAborted);

    /// <summary>Relays an SDP offer to participant <paramref name="to"/> of the call (both must be its participants).</summary>
    [HubMethodName("group-offer")]
    public Task GroupOffer(Guid callId, Guid to, SessionDescription offer) =>
        RelayAsync(callId, to, CallEventNames.GroupOffer, new RelayedDescription(callId, Caller, offer));

    [HubMethodName("group-answer")]
    public Task GroupAnswer(Guid callId, Guid to, SessionDescription answer) =>
        RelayAsync(callId, to, CallEventNames.GroupAnswer, new RelayedDescription(callId, Caller, answer));

    [HubMethodName("ice-candidate")]
    public Task IceCandidate(Guid callId, Guid to, IceCandidateInit candidate) =>
        RelayAsync(callId, to, CallEventNames.IceCandidate, new RelayedCandidate(callId, Caller, candidate));

    private async Task RelayAsync(Guid callId, Guid to, string method, object payload) =>
        await Clients.Client(await calls.RelayTargetAsync(callId, Caller, Context.ConnectionId, to)).SendAsync(method, payload, Context.ConnectionAborted);

    /// <summary>The participants, or (when the mesh is full) an empty list after telling this connection to move to the SFU.</summary>
    private async Task<IReadOnlyList<Guid>> ParticipantsOrSfuAsync(CallState call)
    {
        if (call.Participants.ContainsKey(Caller))
        {
            return [.. call.Participants.Keys];
        }

        await Clients.Caller.SendAsync(CallEventNames.SwitchToSfu, new CallSwitchToSfu(call.Id, call.RoomId), Context.ConnectionAborted);
        return [];
    }
}
