using Microsoft.AspNetCore.Http.HttpResults;

namespace WebRtcChat.MediaSfu.Apis;

public static class CallProblems
{
    public static ProblemHttpResult RoomNotFound() => ProblemResults.Create(
        StatusCodes.Status404NotFound, "room-not-found", "Room not found", "There is no such room, or you are not one of its members.");

    public static ProblemHttpResult CallNotFound() => ProblemResults.Create(
        StatusCodes.Status404NotFound, "call-not-found", "Call not found", "There is no such call, or you are not a member of its room.");

    public static ProblemHttpResult NotInCall() => ProblemResults.Create(
        StatusCodes.Status409Conflict, "not-in-call", "Not in the call", "You are not a participant of this call.");

    public static ProblemHttpResult ParticipantNotFound() => ProblemResults.Create(
        StatusCodes.Status404NotFound, "participant-not-found", "Participant not found", "You have no such participant (connection) in this call.");

    public static ProblemHttpResult PublisherNotFound() => ProblemResults.Create(
        StatusCodes.Status404NotFound, "publisher-not-found", "Publisher not found", "publisherParticipantId names no other participant of this call.");

    public static ProblemHttpResult CallEnded() => ProblemResults.Create(
        StatusCodes.Status409Conflict, "call-ended", "Call ended", "This call is over; start a new one for the room.");

    public static ProblemHttpResult HostedElsewhere(string node) => ProblemResults.Create(
        StatusCodes.Status409Conflict, "call-hosted-elsewhere", "Call hosted by another node",
        $"This call's media runs on SFU node '{node}'; send the request through the gateway, which routes it there.");
}
