using System.Security.Cryptography;
using WebRtcChat.Identity.Model;
using WebRtcChat.ServiceDefaults.ObjectStorage;

namespace WebRtcChat.Identity.Avatars;

/// <summary>
/// Avatars in the object store under <c>avatars/{userId}/{version}</c>. The version is 128 random bits, new for every
/// upload: it is the avatar URL's <c>v</c> (a capability that <c>&lt;img&gt;</c> tags can use without a token), its
/// ETag, and it makes the versioned URL immutable so clients may cache it for good.
/// </summary>
public sealed partial class AvatarStore(ObjectStore store, ILogger<AvatarStore> logger)
{
    private const string Prefix = "avatars/";

    /// <summary>A fresh key for a new avatar of <paramref name="userId"/>.</summary>
    public static string NewKey(Guid userId) =>
        $"{Prefix}{userId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";

    /// <summary>The version (the last key segment) of an avatar key.</summary>
    public static string VersionOf(string key) => key[(key.LastIndexOf('/') + 1)..];

    /// <summary>The seed's <c>profile.avatar</c>: the versioned URL of the user's avatar, or null.</summary>
    public static string? UrlOf(User user) => UrlOf(user.Id, user.AvatarKey);

    /// <summary>The avatar URL from a user's id and avatar key (for projections that do not load the user).</summary>
    public static string? UrlOf(Guid userId, string? avatarKey) =>
        avatarKey is { } key ? $"/api/users/{userId}/avatar?v={VersionOf(key)}" : null;

    public async Task PutAsync(string key, byte[] image, string contentType, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(image, writable: false);
        await store.PutAsync(key, content, image.Length, contentType, cancellationToken);
    }

    public Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken) => store.GetAsync(key, cancellationToken);

    /// <summary>
    /// Deletes an avatar that is no longer referenced. A failure is logged, not thrown: the database change it follows
    /// is committed, and an orphaned object under the user's prefix costs only storage. Not cancelled with the request
    /// for the same reason.
    /// </summary>
    public async Task DeleteQuietlyAsync(string? key)
    {
        if (key is null)
        {
            return;
        }

        try
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogDeleteFailed(logger, exception, key);
        }
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Could not delete the avatar object {Key}; it is orphaned")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string key);
}
