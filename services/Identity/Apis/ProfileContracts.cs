namespace WebRtcChat.Identity.Apis;

/// <summary>A partial profile update: a null member is left as it is, an empty string clears it.</summary>
public sealed record UpdateProfileRequest(
    string? DisplayName, string? Bio, string? Status, string? Phone, string? Location, string? Website,
    Dictionary<string, string>? SocialLinks);

public sealed record NotificationPreferences(bool? Email, bool? Sound, bool? Desktop, bool? DoNotDisturb);

public sealed record PrivacyPreferences(string? ProfileVisibility, bool? AllowCalls, bool? AllowMessages);

/// <summary>A partial preferences update: null members (and null members of the nested objects) are left as they are.</summary>
public sealed record UpdatePreferencesRequest(
    string? Theme, NotificationPreferences? Notifications, PrivacyPreferences? Privacy, string? VideoQuality);

/// <summary>The seed's <c>profile</c>; <see cref="Avatar"/> is the avatar's URL (relative to the public address) or null.</summary>
public sealed record ProfileDto(
    string? Avatar, string? Bio, string Status, string? Phone, string? Location, string? Website, IReadOnlyDictionary<string, string> SocialLinks);

public sealed record PreferencesDto(string Theme, NotificationPreferences Notifications, PrivacyPreferences Privacy, string VideoQuality);

/// <summary>A user as another user sees them; <see cref="Preferences"/> only for the owner.</summary>
public sealed record UserProfileDto(
    Guid Id, string Username, string? DisplayName, ProfileDto Profile, PreferencesDto? Preferences, StatsDto Stats, DateTimeOffset CreatedAt);

/// <summary>The seed's <c>stats</c>; <see cref="TotalCallDuration"/> is in seconds.</summary>
public sealed record StatsDto(long TotalCalls, long TotalCallDuration, long MessagesCount, long FilesShared)
{
    public static StatsDto Of(Model.UserStats stats) => new(stats.TotalCalls, stats.TotalCallDuration, stats.MessagesCount, stats.FilesShared);
}

public sealed record AvatarDto(string Avatar, string ContentType, int Width, int Height, long Size);

public sealed record UserSummaryDto(Guid Id, string Username, string? DisplayName, string Status, string? Avatar);

public sealed record ContactDto(Guid UserId, string Username, string? DisplayName, string Status, string? Avatar, DateTimeOffset AddedAt);

public sealed record BlockedUserDto(Guid UserId, string Username, DateTimeOffset BlockedAt);
