using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.Presence.Status;

namespace WebRtcChat.Presence.Apis;

/// <summary><c>GET /api/presence?userIds=a,b,c</c>: several users' presence at once, as the caller may see it.</summary>
public static class PresenceApi
{
    public const int MaxUsers = 100;

    public static IEndpointRouteBuilder MapPresence(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/presence", GetAsync).WithTags("Presence").RequireAuthorization(CallerExtensions.UserPolicy);
        return app;
    }

    public static async Task<Results<Ok<List<UserPresence>>, ValidationProblem>> GetAsync(
        string? userIds, HttpContext context, PresenceStore store, SocialGraph graph)
    {
        var parts = (userIds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = new List<Guid>();
        foreach (var part in parts)
        {
            if (!Guid.TryParse(part, out var id))
            {
                return TypedResults.ValidationProblem(Errors($"'{part}' is not a user id."));
            }

            ids.Add(id);
        }

        if (ids.Count is 0 or > MaxUsers)
        {
            return TypedResults.ValidationProblem(Errors($"Give 1 to {MaxUsers} comma-separated user ids."));
        }

        var viewer = context.User.GetUserId();
        var result = new List<UserPresence>();
        foreach (var id in ids.Distinct())
        {
            result.Add(await graph.CanSeeAsync(viewer, id) ? await store.GetAsync(id) : UserPresence.Hidden(id));
        }

        return TypedResults.Ok(result);
    }

    private static Dictionary<string, string[]> Errors(string message) => new(StringComparer.Ordinal) { ["userIds"] = [message] };
}
