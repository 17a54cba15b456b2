using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Identity.Avatars;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Apis;

/// <summary>Profiles and preferences: read another user's profile (privacy and blocks honoured), edit your own, search.</summary>
public static class UsersApi
{
    public const int DefaultSearchLimit = 20;
    public const int MaxSearchLimit = 50;
    public const int MaxQueryLength = 64;

    public static RouteGroupBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(AuthApi.Bearer);
        group.MapGet("/search", SearchAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPut("/profile", UpdateProfileAsync);
        group.MapPut("/preferences", UpdatePreferencesAsync);
        return group;
    }

    public static async Task<Results<Ok<UserProfileDto>, ProblemHttpResult>> GetAsync(
        Guid id, [AsParameters] SocialServices services, CancellationToken cancellationToken)
    {
        var user = await services.Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return SocialProblems.UserNotFound();
        }

        return await services.CheckProfileVisibleAsync(user, cancellationToken) is { } problem
            ? problem
            : TypedResults.Ok(ToDto(user, includePreferences: user.Id == services.CallerId));
    }

    public static Task<Results<Ok<UserProfileDto>, ValidationProblem, UnauthorizedHttpResult>> UpdateProfileAsync(
        UpdateProfileRequest request, [AsParameters] SocialServices services, CancellationToken cancellationToken) =>
        UpdateCallerAsync(ProfileUpdates.Validate(request), user => ProfileUpdates.Apply(user, request),
            user => ToDto(user, includePreferences: true), services, cancellationToken);

    public static Task<Results<Ok<PreferencesDto>, ValidationProblem, UnauthorizedHttpResult>> UpdatePreferencesAsync(
        UpdatePreferencesRequest request, [AsParameters] SocialServices services, CancellationToken cancellationToken) =>
        UpdateCallerAsync(ProfileUpdates.Validate(request), user => ProfileUpdates.Apply(user, request),
            Preferences, services, cancellationToken);

    /// <summary>Validates first, then applies the change to the caller and saves it with its event in one transaction.</summary>
    private static async Task<Results<Ok<TDto>, ValidationProblem, UnauthorizedHttpResult>> UpdateCallerAsync<TDto>(
        Dictionary<string, string[]> errors,
        Action<User> apply,
        Func<User, TDto> result,
        SocialServices services,
        CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await services.Db.Users.SingleOrDefaultAsync(u => u.Id == services.CallerId, cancellationToken);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        apply(user);
        await SaveWithEventAsync(services, user, cancellationToken);
        return TypedResults.Ok(result(user));
    }

    /// <summary>Prefix and substring match on username and display name, prefix matches first; never users who blocked you or hidden profiles.</summary>
    public static async Task<Results<Ok<List<UserSummaryDto>>, ValidationProblem>> SearchAsync(
        string? query, int? limit, [AsParameters] SocialServices services, CancellationToken cancellationToken)
    {
        var text = query?.Trim() ?? string.Empty;
        var take = limit ?? DefaultSearchLimit;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (text.Length is 0 or > MaxQueryLength)
        {
            errors["query"] = [$"The query must be 1-{MaxQueryLength} characters."];
        }

        if (take is < 1 or > MaxSearchLimit)
        {
            errors["limit"] = [$"The limit must be between 1 and {MaxSearchLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var caller = services.CallerId;
        var escaped = EscapeLike(text);
        var contains = $"%{escaped}%";
        var prefix = $"{escaped}%";
        var db = services.Db;
        var results = await db.Users.AsNoTracking()
            .Where(u => u.Id != caller
                && (u.ProfileVisibility == ProfileRules.Public
                    || (u.ProfileVisibility == ProfileRules.ContactsOnly && db.Contacts.Any(c => c.OwnerId == u.Id && c.ContactId == caller)))
                && !db.Blocks.Any(b => b.BlockerId == u.Id && b.BlockedId == caller)
                && (EF.Functions.ILike(u.UserName!, contains, "\\") || EF.Functions.ILike(u.DisplayName ?? string.Empty, contains, "\\")))
            .OrderBy(u => EF.Functions.ILike(u.UserName!, prefix, "\\") || EF.Functions.ILike(u.DisplayName ?? string.Empty, prefix, "\\") ? 0 : 1)
            .ThenBy(u => u.UserName!.Length)
            .ThenBy(u => u.UserName)
            .Take(take)
            .Select(u => new UserSummaryDto(u.Id, u.UserName!, u.DisplayName, u.Status, AvatarStore.UrlOf(u.Id, u.AvatarKey)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(results);
    }

    private static async Task SaveWithEventAsync(SocialServices services, User user, CancellationToken cancellationToken)
    {
        services.Db.AddIntegrationEvent(ProfileUpdatedEvent(user, services.Time.GetUtcNow()));
        await services.Db.SaveChangesAsync(cancellationToken);
    }

    internal static UserProfileUpdated ProfileUpdatedEvent(User user, DateTimeOffset now) =>
        new(user.Id, user.UserName!, user.DisplayName, user.Status, user.ProfileVisibility, AvatarStore.UrlOf(user), now, user.AllowCalls);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    internal static UserProfileDto ToDto(User user, bool includePreferences) => new(
        user.Id,
        user.UserName!,
        user.DisplayName,
        new ProfileDto(AvatarStore.UrlOf(user), user.Bio, user.Status, user.Phone, user.Location, user.Website, user.SocialLinks),
        includePreferences ? Preferences(user) : null,
        StatsDto.Of(user.Stats),
        user.CreatedAt);

    private static PreferencesDto Preferences(User user) => new(
        user.Theme,
        new NotificationPreferences(user.NotifyByEmail, user.NotifyWithSound, user.NotifyOnDesktop, user.DoNotDisturb),
        new PrivacyPreferences(user.ProfileVisibility, user.AllowCalls, user.AllowMessages),
        user.VideoQuality);
}
