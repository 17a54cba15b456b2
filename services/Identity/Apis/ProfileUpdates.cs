using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Apis;

/// <summary>Validates partial profile and preferences updates per field, and applies them to a user.</summary>
internal static class ProfileUpdates
{
    public static Dictionary<string, string[]> Validate(UpdateProfileRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Add(errors, "displayName", request.DisplayName is { } name ? ProfileRules.CheckLength(name.Trim(), ProfileRules.MaxDisplayName, "display name") : null);
        Add(errors, "bio", request.Bio is { } bio ? ProfileRules.CheckLength(bio, ProfileRules.MaxBio, "bio") : null);
        Add(errors, "status", request.Status is { } status ? ProfileRules.CheckOneOf(status, ProfileRules.Statuses, "status") : null);
        Add(errors, "phone", request.Phone is { Length: > 0 } phone ? ProfileRules.CheckPhone(phone.Trim()) : null);
        Add(errors, "location", request.Location is { } location ? ProfileRules.CheckLength(location.Trim(), ProfileRules.MaxLocation, "location") : null);
        Add(errors, "website", request.Website is { Length: > 0 } website ? ProfileRules.CheckUrl(website.Trim(), "website") : null);
        if (request.SocialLinks is { } links)
        {
            Add(errors, "socialLinks", links.Count > ProfileRules.MaxSocialLinks ? $"At most {ProfileRules.MaxSocialLinks} social links." : null);
            foreach (var (network, url) in links)
            {
                Add(errors, $"socialLinks.{network}", ProfileRules.CheckSocialNetwork(network) ?? ProfileRules.CheckUrl(url ?? string.Empty, $"{network} link"));
            }
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(UpdatePreferencesRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Add(errors, "theme", request.Theme is { } theme ? ProfileRules.CheckOneOf(theme, ProfileRules.Themes, "theme") : null);
        Add(errors, "videoQuality", request.VideoQuality is { } quality ? ProfileRules.CheckOneOf(quality, ProfileRules.VideoQualities, "video quality") : null);
        Add(errors, "privacy.profileVisibility", request.Privacy?.ProfileVisibility is { } visibility
            ? ProfileRules.CheckOneOf(Visibility(visibility), ProfileRules.Visibilities, "profile visibility")
            : null);
        return errors;
    }

    public static void Apply(User user, UpdateProfileRequest request)
    {
        if (request.DisplayName is { } name) user.DisplayName = Clean(name);
        if (request.Bio is { } bio) user.Bio = Clean(bio);
        if (request.Status is { } status) user.Status = status;
        if (request.Phone is { } phone) user.Phone = Clean(phone);
        if (request.Location is { } location) user.Location = Clean(location);
        if (request.Website is { } website) user.Website = Clean(website);
        if (request.SocialLinks is { } links) user.SocialLinks = links.ToDictionary(l => l.Key, l => l.Value.Trim(), StringComparer.Ordinal);
    }

    public static void Apply(User user, UpdatePreferencesRequest request)
    {
        if (request.Theme is { } theme) user.Theme = theme;
        if (request.VideoQuality is { } quality) user.VideoQuality = quality;
        if (request.Notifications is { } notifications)
        {
            user.NotifyByEmail = notifications.Email ?? user.NotifyByEmail;
            user.NotifyWithSound = notifications.Sound ?? user.NotifyWithSound;
            user.NotifyOnDesktop = notifications.Desktop ?? user.NotifyOnDesktop;
            user.DoNotDisturb = notifications.DoNotDisturb ?? user.DoNotDisturb;
        }

        if (request.Privacy is { } privacy)
        {
            user.ProfileVisibility = privacy.ProfileVisibility is { } visibility ? Visibility(visibility) : user.ProfileVisibility;
            user.AllowCalls = privacy.AllowCalls ?? user.AllowCalls;
            user.AllowMessages = privacy.AllowMessages ?? user.AllowMessages;
        }
    }

    /// <summary>The seed calls contacts-only visibility "friends"; both are accepted, "contacts" is stored.</summary>
    private static string Visibility(string value) => value == "friends" ? ProfileRules.ContactsOnly : value;

    private static string? Clean(string value) => value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private static void Add(Dictionary<string, string[]> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors[field] = [error];
        }
    }
}
