using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.Messaging.Attachments;

namespace WebRtcChat.Messaging.Apis;

/// <summary>The stable ProblemDetails of the upload and download endpoints.</summary>
internal static class UploadProblems
{
    public static ProblemHttpResult NotMultipart() => ProblemResults.Create(
        StatusCodes.Status415UnsupportedMediaType, "upload-not-multipart", "Multipart upload expected",
        "Send the files and fields as multipart/form-data.");

    public static ProblemHttpResult MalformedUpload() => ProblemResults.Create(
        StatusCodes.Status400BadRequest, "upload-malformed", "Malformed upload", "The multipart body could not be read.");

    public static ProblemHttpResult RequestTooLarge(long maxBytes) => ProblemResults.Create(
        StatusCodes.Status413PayloadTooLarge, "upload-too-large", "Upload too large", $"The request body may be at most {Describe(maxBytes)}.");

    public static ProblemHttpResult FileTooLarge(string fileName, long maxBytes) => ProblemResults.Create(
        StatusCodes.Status413PayloadTooLarge, "file-too-large", "File too large", $"'{FileNames.Sanitize(fileName)}' is larger than {Describe(maxBytes)}.");

    public static ProblemHttpResult FilesTooLarge(long maxBytes) => ProblemResults.Create(
        StatusCodes.Status413PayloadTooLarge, "files-too-large", "Files too large", $"The files of one message may add up to at most {Describe(maxBytes)}.");

    public static ProblemHttpResult FieldTooLarge(string field, int maxBytes) => ProblemResults.Create(
        StatusCodes.Status413PayloadTooLarge, "field-too-large", "Form field too large", $"The field '{field}' may be at most {maxBytes} bytes.");

    public static ProblemHttpResult AttachmentNotFound() => ProblemResults.Create(
        StatusCodes.Status404NotFound, "attachment-not-found", "Attachment not found", "The message has no such attachment (or thumbnail).");

    private static string Describe(long bytes) => $"{bytes} bytes ({bytes / (1024.0 * 1024.0):0.#} MiB)";
}
