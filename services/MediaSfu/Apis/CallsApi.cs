using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Apis;

/// <summary>Group calls (seed API): create a room's call, read it, join it (<see cref="MediaApi"/>), leave it. Only members of the call's room see it.</summary>
public static class CallsApi
{
    public static RouteGroupBuilder MapCalls(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calls").WithTags("Calls").RequireAuthorization(CallerExtensions.UserPolicy);
        group.MapPost("/group", CreateGroupAsync);
        group.MapGet("/{callId:guid}", GetAsync);
        group.MapPost("/{callId:guid}/leave", LeaveAsync);
        group.MapMedia();
        group.MapWhip();
        group.MapVideoQuality();
        group.MapCallNode();
        return group;
    }

    /// <summary>The room's live call: 201 when this request started it, 200 when it was already running.</summary>
    public static async Task<Results<Created<CallDto>, Ok<CallDto>, ValidationProblem, ProblemHttpResult>> CreateGroupAsync(
        CreateGroupCallRequest request, CallAnnouncer announcer, [AsParameters] CallServices services, CancellationToken cancellationToken)
    {
        if (request.RoomId is not { } roomId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["roomId"] = ["roomId is required."] });
        }

        if (!await services.IsRoomMemberAsync(roomId, cancellationToken))
        {
            return CallProblems.RoomNotFound();
        }

        var (call, created) = await services.Calls.CreateOrGetAsync(roomId, services.CallerId, services.Options.Value.Node, services.Time.GetUtcNow());
        if (created)
        {
            await announcer.StartedAsync(call);
        }

        var view = await services.ViewAsync(call);
        return created ? TypedResults.Created($"/api/calls/{call.Id}", view) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<CallDto>, ProblemHttpResult>> GetAsync(
        Guid callId, [AsParameters] CallServices services, CancellationToken cancellationToken) =>
        await services.FindAsRoomMemberAsync(callId, cancellationToken) is { } call
            ? TypedResults.Ok(await services.ViewAsync(call))
            : CallProblems.CallNotFound();

    public static async Task<Results<NoContent, ProblemHttpResult>> LeaveAsync(
        Guid callId, CallNegotiator negotiator, CallAnnouncer announcer, [AsParameters] CallServices services, CancellationToken cancellationToken)
    {
        if (await services.FindAsRoomMemberAsync(callId, cancellationToken) is not { } call)
        {
            return CallProblems.CallNotFound();
        }

        var outcome = await announcer.LeaveAsync(call, services.CallerId);
        negotiator.Disconnect(call.Id, services.CallerId);
        return outcome == LeaveOutcome.NotInCall ? CallProblems.NotInCall() : TypedResults.NoContent();
    }
}
