using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WebRtcChat.Identity.Avatars;

namespace WebRtcChat.Identity.Apis;

/// <summary>
/// Avatars: upload (PNG, JPEG or WebP, checked by content), remove, and serve. Serving is allowed to whoever may see
/// the profile (bearer token) or holds the current versioned URL from it (so an <c>&lt;img&gt;</c> works without a token);
/// see README, "Avatars".
/// </summary>
public static class AvatarApi
{
    private const string VersionedCache = "private, max-age=31536000, immutable";
    private const string UnversionedCache = "private, no-cache";

    public static RouteGroupBuilder MapAvatars(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Avatars");
        group.MapPost("/avatar", UploadAsync).RequireAuthorization(AuthApi.Bearer).Accepts<IFormFile>("multipart/form-data");
        group.MapDelete("/avatar", DeleteAsync).RequireAuthorization(AuthApi.Bearer);
        group.MapGet("/{id:guid}/avatar", GetAsync).AllowAnonymous();
        return group;
    }

    /// <summary>Stores the new image, points the profile at it, then deletes the one it replaces.</summary>
    public static async Task<Results<Ok<AvatarDto>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> UploadAsync(
        HttpRequest request, [AsParameters] SocialServices services, AvatarStore avatars, IOptions<AvatarOptions> options,
        CancellationToken cancellationToken)
    {
        var upload = await AvatarUpload.ReadAsync(request, options.Value, cancellationToken);
        if (upload.Problem is { } problem)
        {
            return problem;
        }

        var (image, error) = upload.Image is { } bytes ? ImageInspector.Inspect(bytes) : (null, upload.FileError);
        if (image is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = [error!] });
        }

        var user = await services.Db.Users.SingleOrDefaultAsync(u => u.Id == services.CallerId, cancellationToken);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var key = AvatarStore.NewKey(user.Id);
        await avatars.PutAsync(key, upload.Image!, image.ContentType, cancellationToken);
        var replaced = user.AvatarKey;
        if (!await TrySetAvatarAsync(services, user, key, cancellationToken))
        {
            await avatars.DeleteQuietlyAsync(key);
            return AvatarProblems.ChangedConcurrently();
        }

        await avatars.DeleteQuietlyAsync(replaced);
        return TypedResults.Ok(new AvatarDto(AvatarStore.UrlOf(user)!, image.ContentType, image.Width, image.Height, upload.Image!.Length));
    }

    public static async Task<Results<NoContent, ProblemHttpResult, UnauthorizedHttpResult>> DeleteAsync(
        [AsParameters] SocialServices services, AvatarStore avatars, CancellationToken cancellationToken)
    {
        var user = await services.Db.Users.SingleOrDefaultAsync(u => u.Id == services.CallerId, cancellationToken);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var removed = user.AvatarKey;
        if (removed is null)
        {
            return TypedResults.NoContent();
        }

        if (!await TrySetAvatarAsync(services, user, null, cancellationToken))
        {
            return AvatarProblems.ChangedConcurrently();
        }

        await avatars.DeleteQuietlyAsync(removed);
        return TypedResults.NoContent();
    }

    /// <summary>The avatar's bytes with their content type, an ETag (its version) and cache headers; 304 when the client has it.</summary>
    public static async Task<Results<FileStreamHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, string? v, [AsParameters] SocialServices services, AvatarStore avatars, CancellationToken cancellationToken)
    {
        var user = await services.Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user?.AvatarKey is not { } key)
        {
            return AvatarProblems.NoAvatar();
        }

        var version = AvatarStore.VersionOf(key);
        var versioned = string.Equals(v, version, StringComparison.Ordinal);
        if (!versioned)
        {
            // Without the current link, only someone who may see the profile gets the avatar.
            if (services.Caller is null)
            {
                return AvatarProblems.NoAvatar();
            }

            if (await services.CheckProfileVisibleAsync(user, cancellationToken) is { } hidden)
            {
                return hidden;
            }
        }

        var response = services.HttpContext.Response;
        var etag = new EntityTagHeaderValue($"\"{version}\"");
        response.Headers.CacheControl = versioned ? VersionedCache : UnversionedCache;
        response.Headers.XContentTypeOptions = "nosniff";
        if (services.HttpContext.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag == EntityTagHeaderValue.Any))
        {
            response.Headers.ETag = etag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var stored = await avatars.GetAsync(key, cancellationToken);
        return stored is null
            ? AvatarProblems.NoAvatar()
            : TypedResults.Stream(stored.Content, stored.ContentType, entityTag: etag);
    }

    /// <summary>
    /// Points the user at <paramref name="key"/> and saves it with a profile event. The avatar key is a concurrency
    /// token: if another request changed it since the user was read, nothing is saved and the answer is false.
    /// </summary>
    private static async Task<bool> TrySetAvatarAsync(SocialServices services, Model.User user, string? key, CancellationToken cancellationToken)
    {
        user.AvatarKey = key;
        services.Db.AddIntegrationEvent(UsersApi.ProfileUpdatedEvent(user, services.Time.GetUtcNow()));
        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            services.Db.ChangeTracker.Clear();
            return false;
        }
    }
}
