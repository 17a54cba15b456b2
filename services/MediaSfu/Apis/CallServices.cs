using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Media;
using WebRtcChat.MediaSfu.Quality;
using WebRtcChat.MediaSfu.Rooms;

namespace WebRtcChat.MediaSfu.Apis;

/// <summary>What the call handlers need, injected as one <c>[AsParameters]</c> group.</summary>
public sealed record CallServices(HttpContext HttpContext, [FromServices] CallRegistry Calls, [FromServices] RoomAccess Rooms, [FromServices] SfuNode Node, [FromServices] TimeProvider Time, [FromServices] IOptions<SfuOptions> Options, [FromServices] DominantSpeakers Speakers)
{
    public Guid CallerId => HttpContext.User.GetUserId();

    public Task<bool> IsRoomMemberAsync(Guid roomId, CancellationToken cancellationToken) =>
        Rooms.IsMemberAsync(roomId, AccessToken(), cancellationToken);

    /// <summary>The call, when it exists and the caller is a member of its room; otherwise null.</summary>
    public async Task<CallRecord?> FindAsRoomMemberAsync(Guid callId, CancellationToken cancellationToken) =>
        await Calls.GetAsync(callId) is { } call && await IsRoomMemberAsync(call.RoomId, cancellationToken) ? call : null;

    public async Task<CallDto> ViewAsync(CallRecord call)
    {
        var media = Node.FindCall(call.Id);
        return new(call.Id, call.RoomId, call.CreatedBy, call.CreatedAt, call.EndedAt,
            (await Calls.ParticipantsAsync(call.Id)).Select(p => new ParticipantDto(p.ParticipantId, p.UserId, p.JoinedAt, TracksOf(media, p.ParticipantId), ReceivingOf(media, p.ParticipantId))).ToList(),
            call.EndReason)
        {
            DominantSpeaker = Speakers.SpeakerOf(call.Id),
        };
    }

    /// <summary>Why the caller cannot join <paramref name="call"/>'s media here, or null when it can.</summary>
    public ProblemHttpResult? CannotJoinHere(CallRecord call) => call switch
    {
        { EndedAt: not null } => CallProblems.CallEnded(),
        _ when call.Node != Options.Value.Node => CallProblems.HostedElsewhere(call.Node),
        _ => null,
    };

    private static List<TrackDto> TracksOf(MediaCall? media, Guid participantId) =>
        media?.Find(participantId)?.Published.Select(t => new TrackDto(CallStatistics.KindName(t.Kind), t.TrackId, CallStatistics.LayersOf(t))).ToList() ?? [];

    private static List<ReceivingDto> ReceivingOf(MediaCall? media, Guid participantId) =>
        media?.Find(participantId)?.Receiving.Select(s => new ReceivingDto(s.Track.Publisher.ParticipantId, CallStatistics.KindName(s.Track.Kind), s.Track.TrackId, CallStatistics.LayerOf(s))).ToList() ?? [];

    // Authentication accepted this request's bearer token (header, never a query string here), so it is there.
    private string AccessToken() =>
        HttpContext.Request.Headers[HeaderNames.Authorization].ToString()["Bearer ".Length..].Trim();
}
