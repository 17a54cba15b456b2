using Microsoft.AspNetCore.Http.HttpResults;

namespace WebRtcChat.Identity.Apis;

/// <summary>The stable ProblemDetails of the avatar endpoints.</summary>
internal static class AvatarProblems
{
    public static ProblemHttpResult NotMultipart() => ProblemResults.Create(
        StatusCodes.Status415UnsupportedMediaType, "avatar-not-multipart", "Multipart upload expected",
        "Send the avatar as multipart/form-data with exactly one file.");

    public static ProblemHttpResult TooLarge(long maxBytes) => ProblemResults.Create(
        StatusCodes.Status413PayloadTooLarge, "avatar-too-large", "Avatar too large",
        $"The avatar may be at most {maxBytes} bytes ({maxBytes / (1024.0 * 1024.0):0.#} MiB).");

    public static ProblemHttpResult MalformedUpload() => ProblemResults.Create(
        StatusCodes.Status400BadRequest, "avatar-malformed-upload", "Malformed upload", "The multipart body could not be read.");

    public static ProblemHttpResult NoAvatar() => ProblemResults.Create(
        StatusCodes.Status404NotFound, "avatar-not-found", "No avatar", "This user has no avatar, or the avatar link is out of date.");

    public static ProblemHttpResult ChangedConcurrently() => ProblemResults.Create(
        StatusCodes.Status409Conflict, "avatar-changed", "Avatar changed meanwhile", "Another request changed the avatar at the same time; try again.");
}
