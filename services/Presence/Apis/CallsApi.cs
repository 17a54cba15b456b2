using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.Presence.Calls;
using WebRtcChat.Presence.Turn;

namespace WebRtcChat.Presence.Apis;

/// <summary>
/// <c>/api/calls</c>: the caller's call history (missed calls flagged), the calls ringing for or involving them now, and the
/// ICE servers (STUN, TURN with time-limited credentials) their clients should use.
/// </summary>
public static class CallsApi
{
    public const int DefaultHistory = 50;

    public static RouteGroupBuilder MapCalls(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calls").WithTags("Calls").RequireAuthorization(CallerExtensions.UserPolicy);
        group.MapGet("/history", HistoryAsync);
        group.MapGet("/active", ActiveAsync);
        group.MapGet("/ice-servers", IceServersFor);
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<CallRecord>>, ValidationProblem>> HistoryAsync(
        int? limit, HttpContext context, CallHistory history, Microsoft.Extensions.Options.IOptions<CallOptions> options)
    {
        var max = options.Value.HistoryLimit;
        if (limit is { } take && (take < 1 || take > max))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["limit"] = [$"The limit must be between 1 and {max}."] });
        }

        return TypedResults.Ok(await history.OfAsync(context.User.GetUserId(), limit ?? Math.Min(DefaultHistory, max)));
    }

    public static async Task<Ok<List<ActiveCall>>> ActiveAsync(HttpContext context, CallStore store) =>
        TypedResults.Ok((await store.ActiveForAsync(context.User.GetUserId())).Select(ActiveCall.Of).ToList());

    public static Ok<IReadOnlyList<IceServer>> IceServersFor(HttpContext context, IceServers servers) =>
        TypedResults.Ok(servers.For(context.User.GetUserId()));
}
