using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Media;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Apis;

/// <summary>
/// WHIP (RFC 9725) and WHEP: standard tools (OBS, GStreamer's whipsink, WHEP players) publish into or play from a call
/// with one HTTP POST of an SDP offer; the answer comes back as application/sdp with the session's URL in Location, and a
/// DELETE of that URL ends it. The caller is an ordinary participant of the call (bearer token, member of the room).
/// Trickle ICE (PATCH) is not offered: the SFU is ICE-lite and needs no candidates from the client.
/// </summary>
public static class WhipApi
{
    public const string SdpContentType = "application/sdp";

    public static RouteGroupBuilder MapWhip(this RouteGroupBuilder calls)
    {
        foreach (var protocol in new[] { "whip", "whep" })
        {
            calls.MapPost($"/{{callId:guid}}/{protocol}", (Guid callId, HttpRequest request, CallNegotiator negotiator, [AsParameters] CallServices services, CancellationToken ct) =>
                    StartAsync(callId, protocol, request, negotiator, services, ct))
                .Accepts<string>(SdpContentType);
            calls.MapDelete($"/{{callId:guid}}/{protocol}/{{participantId:guid}}", EndAsync);
        }

        return calls;
    }

    public static async Task<IResult> StartAsync(
        Guid callId, string protocol, HttpRequest request, CallNegotiator negotiator, CallServices services, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), SdpContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send an SDP offer", $"The body must be an SDP offer with Content-Type {SdpContentType}.");
        }

        var sdp = await ReadOfferAsync(request, cancellationToken);
        if (sdp is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "offer-too-large", "Offer too large", $"An SDP offer is at most {SdpParser.MaxLength} characters.");
        }

        if (await services.FindAsRoomMemberAsync(callId, cancellationToken) is not { } call)
        {
            return CallProblems.CallNotFound();
        }

        if (services.CannotJoinHere(call) is { } problem)
        {
            return problem;
        }

        var negotiation = await negotiator.JoinAsync(call, services.CallerId, sdp);
        return negotiation switch
        {
            { CallEnded: true } => CallProblems.CallEnded(),
            { InvalidOffer: { } reason } => Problem(StatusCodes.Status400BadRequest, "invalid-offer", "Invalid offer", reason),
            _ => new CreatedSdp(
                Results.Text(negotiation.Answer!, SdpContentType, statusCode: StatusCodes.Status201Created),
                $"/api/calls/{callId}/{protocol}/{negotiation.ParticipantId}"),
        };
    }

    public static async Task<Results<Ok, ProblemHttpResult>> EndAsync(
        Guid callId, Guid participantId, CallNegotiator negotiator, [AsParameters] CallServices services, CancellationToken cancellationToken)
    {
        if (await services.FindAsRoomMemberAsync(callId, cancellationToken) is not { } call)
        {
            return CallProblems.CallNotFound();
        }

        return negotiator.Disconnect(call.Id, services.CallerId, participantId) ? TypedResults.Ok() : CallProblems.NotInCall();
    }

    /// <summary>The body as text, or null when it is longer than any offer may be.</summary>
    private static async Task<string?> ReadOfferAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[SdpParser.MaxLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > SdpParser.MaxLength ? null : new string(buffer, 0, length);
    }

    private static ProblemHttpResult Problem(int status, string type, string title, string detail) => ProblemResults.Create(status, type, title, detail);

    /// <summary>201 with the answer and the session's URL (RFC 9725 §4.2).</summary>
    private sealed class CreatedSdp(IResult answer, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return answer.ExecuteAsync(httpContext);
        }
    }
}
