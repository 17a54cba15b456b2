using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.WebRtc.Dtls;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// Turns participants' offers into answers and connections: a join registers the participant (replacing the same
/// user's earlier device), opens its ICE session and starts the DTLS handshake in the background; a later offer from
/// the same participant (more or fewer receive slots) keeps its transport and only changes what flows.
/// </summary>
public sealed partial class CallNegotiator(SfuNode node, CallRegistry registry, CallAnnouncer announcer, TimeProvider time, ILogger<CallNegotiator> logger)
{
    public async Task<Negotiation> JoinAsync(CallRecord call, Guid userId, string sdp)
    {
        if (!ParticipantOffer.TryParse(sdp, out var offer, out var problem))
        {
            return Negotiation.Invalid(problem);
        }

        // The participant's tracks are in the call's media before the registry lists it: whoever sees it in the call
        // and asks to receive it must find its tracks to forward (or its receive slots would be answered inactive).
        var participantId = Guid.CreateVersion7(time.GetUtcNow());
        var media = node.CallFor(call.Id);
        var (peer, answer) = node.Admit(media, participantId, userId, offer);
        var (joined, replaced) = await registry.JoinAsync(call.Id, new CallParticipant(participantId, userId, time.GetUtcNow()));
        if (!joined)
        {
            peer.Close();
            Drop(media, peer);
            return Negotiation.Ended();
        }

        peer.Closed += closed => _ = ForgetAsync(call, media, closed);
        if (peer.IsClosed)
        {
            _ = ForgetAsync(call, media, peer); // closed while being registered, before anyone listened
        }

        if (replaced is { } earlier)
        {
            media.Find(earlier)?.Close();
        }
        else
        {
            await announcer.JoinedAsync(call, userId);
        }

        _ = ConnectAsync(peer, offer);
        return Negotiation.Answered(participantId, answer);
    }

    /// <summary>A connected participant's new offer (same transport); null when it is not in this call on this node.</summary>
    public Negotiation? Renegotiate(Guid callId, Guid participantId, Guid userId, string sdp)
    {
        if (node.FindCall(callId) is not { } media || media.Find(participantId) is not { } peer || peer.UserId != userId || peer.IsClosed)
        {
            return null;
        }

        if (!ParticipantOffer.TryParse(sdp, out var offer, out var problem))
        {
            return Negotiation.Invalid(problem);
        }

        if (offer.Ice.Ufrag != peer.Ice.RemoteCredentials.Ufrag)
        {
            return Negotiation.Invalid("An ICE restart is not supported: leave and join again.");
        }

        return Negotiation.Answered(participantId, node.Answer(media, peer, offer));
    }

    /// <summary>
    /// Closes <paramref name="userId"/>'s connection to the call on this node (only <paramref name="participantId"/>'s,
    /// when given); false when there was none.
    /// </summary>
    public bool Disconnect(Guid callId, Guid userId, Guid? participantId = null)
    {
        var peers = node.FindCall(callId)?.Peers.Where(p => p.UserId == userId && (participantId is null || p.ParticipantId == participantId)).ToList() ?? [];
        foreach (var peer in peers)
        {
            peer.Close();
        }

        return peers.Count > 0;
    }

    private async Task ConnectAsync(MediaPeer peer, ParticipantOffer offer)
    {
        var result = await node.ConnectAsync(peer, offer);
        if (!result.Succeeded)
        {
            LogHandshakeFailed(peer.ParticipantId, result.Failure, result.Detail);
        }
    }

    /// <summary>Takes the peer out of the call's media on this node, and the call too once nobody is left.</summary>
    private void Drop(MediaCall media, MediaPeer peer)
    {
        media.Remove(peer);
        node.Release(media);
    }

    private async Task ForgetAsync(CallRecord call, MediaCall media, MediaPeer peer)
    {
        Drop(media, peer);
        try
        {
            await announcer.LeaveAsync(call, peer.UserId, peer.ParticipantId);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException or MassTransit.MassTransitException)
        {
            LogLeaveNotRecorded(e, peer.ParticipantId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DTLS with participant {ParticipantId} failed ({Failure}): {Detail}")]
    private partial void LogHandshakeFailed(Guid participantId, DtlsFailure? failure, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Participant {ParticipantId} left, but the call registry could not record it")]
    private partial void LogLeaveNotRecorded(Exception error, Guid participantId);
}
