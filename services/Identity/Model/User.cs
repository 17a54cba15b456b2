using Microsoft.AspNetCore.Identity;

namespace WebRtcChat.Identity.Model;

/// <summary>An account: ASP.NET Core Identity's user with a sortable id, its creation time, its profile and preferences.</summary>
public sealed class User : IdentityUser<Guid>
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last sign-in that started a session (not a refresh); a recent one lets a password-less account be deleted.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>The object store key of the current avatar (its last segment is the random version in the avatar URL), or null.</summary>
    public string? AvatarKey { get; set; }

    /// <summary>Counters kept from other services' events.</summary>
    public UserStats Stats { get; set; } = new();

    // Profile (see ProfileRules for the limits).
    public string? DisplayName { get; set; }

    public string? Bio { get; set; }

    public string Status { get; set; } = ProfileRules.DefaultStatus;

    public string? Phone { get; set; }

    public string? Location { get; set; }

    public string? Website { get; set; }

    /// <summary>Network name (github, twitter, ...) to an http(s) URL; stored as JSONB.</summary>
    public Dictionary<string, string> SocialLinks { get; set; } = [];

    // Preferences.
    public string Theme { get; set; } = ProfileRules.DefaultTheme;

    public bool NotifyByEmail { get; set; } = true;

    public bool NotifyWithSound { get; set; } = true;

    public bool NotifyOnDesktop { get; set; } = true;

    public bool DoNotDisturb { get; set; }

    public string ProfileVisibility { get; set; } = ProfileRules.Public;

    public bool AllowCalls { get; set; } = true;

    public bool AllowMessages { get; set; } = true;

    public string VideoQuality { get; set; } = ProfileRules.DefaultVideoQuality;
}
