using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Apis;

/// <summary>Joining a call's media: the participant's SDP offer in, the SFU's answer out; later offers renegotiate.</summary>
public static class MediaApi
{
    public static RouteGroupBuilder MapMedia(this RouteGroupBuilder calls)
    {
        calls.MapPost("/{callId:guid}/join", JoinAsync);
        calls.MapPost("/{callId:guid}/participants/{participantId:guid}/offer", OfferAsync);
        calls.MapGet("/{callId:guid}/stats", StatsAsync);
        return calls;
    }

    public static async Task<Results<Ok<SdpAnswerDto>, ValidationProblem, ProblemHttpResult>> JoinAsync(
        Guid callId, SdpOfferRequest request, CallNegotiator negotiator, [AsParameters] CallServices services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Sdp))
        {
            return InvalidOffer("sdp is required: the browser's offer (RTCPeerConnection.createOffer).");
        }

        if (await services.FindAsRoomMemberAsync(callId, cancellationToken) is not { } call)
        {
            return CallProblems.CallNotFound();
        }

        if (services.CannotJoinHere(call) is { } problem)
        {
            return problem;
        }

        return Answer(callId, await negotiator.JoinAsync(call, services.CallerId, request.Sdp));
    }

    public static async Task<Results<Ok<SdpAnswerDto>, ValidationProblem, ProblemHttpResult>> OfferAsync(
        Guid callId, Guid participantId, SdpOfferRequest request, CallNegotiator negotiator, [AsParameters] CallServices services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Sdp))
        {
            return InvalidOffer("sdp is required: the browser's offer (RTCPeerConnection.createOffer).");
        }

        if (await services.FindAsRoomMemberAsync(callId, cancellationToken) is null)
        {
            return CallProblems.CallNotFound();
        }

        return negotiator.Renegotiate(callId, participantId, services.CallerId, request.Sdp) is { } negotiation
            ? Answer(callId, negotiation)
            : CallProblems.NotInCall();
    }

    public static async Task<Results<Ok<CallStatsDto>, ProblemHttpResult>> StatsAsync(
        Guid callId, SfuNode node, [AsParameters] CallServices services, CancellationToken cancellationToken) =>
        await services.FindAsRoomMemberAsync(callId, cancellationToken) is null
            ? CallProblems.CallNotFound()
            : TypedResults.Ok(CallStatistics.Of(callId, node.FindCall(callId), services.Time.GetUtcNow()));

    private static Results<Ok<SdpAnswerDto>, ValidationProblem, ProblemHttpResult> Answer(Guid callId, Negotiation negotiation) => negotiation switch
    {
        { CallEnded: true } => CallProblems.CallEnded(),
        { InvalidOffer: { } reason } => InvalidOffer(reason),
        _ => TypedResults.Ok(new SdpAnswerDto(callId, negotiation.ParticipantId, "answer", negotiation.Answer!)),
    };

    private static ValidationProblem InvalidOffer(string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["sdp"] = [reason] });
}
