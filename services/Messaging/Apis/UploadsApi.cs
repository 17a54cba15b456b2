using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.Messaging.Attachments;
using WebRtcChat.Messaging.Messages;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Apis;

/// <summary>
/// Voice messages and attachments (multipart uploads, checked by content), and their downloads: members get a redirect
/// to (or, with <c>/link</c>, a JSON with) a short-lived presigned URL of the object store. See README, "Attachments".
/// </summary>
public static class UploadsApi
{
    public const string AudioField = "audio";
    public const string FilesField = "files";

    public static RouteGroupBuilder MapUploads(this RouteGroupBuilder messages)
    {
        messages.MapPost("/voice", VoiceAsync).Accepts<IFormFile>("multipart/form-data");
        messages.MapPost("/attachments", AttachmentsAsync).Accepts<IFormFileCollection>("multipart/form-data");
        const string File = "/{messageId:guid}/attachments/{index:int}";
        messages.MapGet(File, (Guid messageId, int index, [AsParameters] RoomServices services, [AsParameters] UploadServices uploads, CancellationToken ct) =>
            DownloadAsync(messageId, index, thumbnail: false, services, uploads, ct));
        messages.MapGet(File + "/thumbnail", (Guid messageId, int index, [AsParameters] RoomServices services, [AsParameters] UploadServices uploads, CancellationToken ct) =>
            DownloadAsync(messageId, index, thumbnail: true, services, uploads, ct));
        messages.MapGet(File + "/link", (Guid messageId, int index, [AsParameters] RoomServices services, [AsParameters] UploadServices uploads, CancellationToken ct) =>
            LinkAsync(messageId, index, thumbnail: false, services, uploads, ct));
        messages.MapGet(File + "/thumbnail/link", (Guid messageId, int index, [AsParameters] RoomServices services, [AsParameters] UploadServices uploads, CancellationToken ct) =>
            LinkAsync(messageId, index, thumbnail: true, services, uploads, ct));
        return messages;
    }

    /// <summary>POST /api/messages/voice: one WebM/Opus, Ogg/Opus or MP4/AAC recording in the <c>audio</c> field.</summary>
    public static async Task<Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult>> VoiceAsync(
        HttpRequest request, [AsParameters] RoomServices services, [AsParameters] UploadServices uploads, CancellationToken cancellationToken)
    {
        var options = uploads.Settings.Value;
        var limits = new MultipartUpload.Limits(options.MaxVoiceRequestBytes, options.VoiceMaxBytes, options.VoiceMaxBytes, MaxFiles: 1);
        return await ReceiveAsync(request, limits, services, uploads, async batch =>
        {
            if (batch.Files is not [{ FieldName: AudioField } audio])
            {
                return (null, null, $"Send exactly one recording, in the '{AudioField}' field.");
            }

            var (file, error) = await VoiceInspector.InspectAsync(audio, uploads.Tools, options, cancellationToken);
            return file is null ? (null, null, error) : (MessageTypes.Voice, [file], null);
        }, AudioField, cancellationToken);
    }

    /// <summary>POST /api/messages/attachments: one or more files (any field name, <c>files</c> by convention) and an optional caption.</summary>
    public static async Task<Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult>> AttachmentsAsync(
        HttpRequest request, [AsParameters] RoomServices services, [AsParameters] UploadServices uploads, CancellationToken cancellationToken)
    {
        var options = uploads.Settings.Value;
        var limits = new MultipartUpload.Limits(options.MaxAttachmentsRequestBytes, options.MaxFileBytes, options.MaxTotalBytes, options.MaxFiles);
        return await ReceiveAsync(request, limits, services, uploads, async batch =>
        {
            if (batch.Files.Count is 0 || batch.Files.Count > options.MaxFiles)
            {
                return (null, null, $"Send 1 to {options.MaxFiles} files.");
            }

            var files = new List<InspectedFile>();
            foreach (var upload in batch.Files)
            {
                var (file, error) = await FileInspector.InspectAsync(upload, uploads.Tools, options, cancellationToken);
                if (file is null)
                {
                    return (null, null, error);
                }

                files.Add(file);
            }

            var kinds = files.Select(f => f.Kind).Distinct().ToList();
            var type = kinds is [MediaKinds.Image] ? MessageTypes.Image : kinds is [MediaKinds.Video] ? MessageTypes.Video : MessageTypes.File;
            return (type, files, null);
        }, FilesField, cancellationToken);
    }

    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid messageId, int index, bool thumbnail, RoomServices services, UploadServices uploads, CancellationToken cancellationToken)
    {
        var (key, problem) = await FindObjectAsync(messageId, index, thumbnail, services, cancellationToken);
        if (key is null)
        {
            return problem!;
        }

        services.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect((await uploads.Attachments.DownloadUrlAsync(key)).AbsoluteUri);
    }

    public static async Task<Results<Ok<DownloadLinkDto>, ProblemHttpResult>> LinkAsync(
        Guid messageId, int index, bool thumbnail, RoomServices services, UploadServices uploads, CancellationToken cancellationToken)
    {
        var (key, problem) = await FindObjectAsync(messageId, index, thumbnail, services, cancellationToken);
        if (key is null)
        {
            return problem!;
        }

        var expiresAt = services.Time.GetUtcNow() + uploads.Settings.Value.DownloadUrlLifetime;
        services.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new DownloadLinkDto((await uploads.Attachments.DownloadUrlAsync(key)).AbsoluteUri, expiresAt));
    }

    /// <summary>
    /// The shared steps of both uploads: read the form (limits), check the fields, precheck membership and retries, then
    /// inspect the files (<paramref name="inspect"/> gives the message type and files, or an error for <paramref name="fileField"/>) and post.
    /// </summary>
    private static async Task<Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request,
        MultipartUpload.Limits limits,
        RoomServices services,
        UploadServices uploads,
        Func<UploadBatch, Task<(string? Type, List<InspectedFile>? Files, string? Error)>> inspect,
        string fileField,
        CancellationToken cancellationToken)
    {
        var (batch, problem) = await MultipartUpload.ReadAsync(request, limits, cancellationToken);
        if (batch is null)
        {
            return problem!;
        }

        using var _ = batch;
        var (fields, errors) = UploadFields.Read(batch);
        if (fields is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await UploadPosting.PrecheckAsync(fields, services, cancellationToken) is { } early)
        {
            return early;
        }

        var (type, files, error) = await inspect(batch);
        return type is null
            ? TypedResults.ValidationProblem(RoomsApi.Errors(fileField, error!))
            : await UploadPosting.PostAsync(fields, type, files!, services, uploads, cancellationToken);
    }

    /// <summary>The object key of a member's message's attachment (or its thumbnail), or the 404 to answer.</summary>
    private static async Task<(string? Key, ProblemHttpResult? Problem)> FindObjectAsync(
        Guid messageId, int index, bool thumbnail, RoomServices services, CancellationToken cancellationToken)
    {
        if (await services.FindMessageAsMemberAsync(messageId, cancellationToken) is not var (message, _, _))
        {
            return (null, RoomProblems.MessageNotFound());
        }

        var attachment = index >= 0 ? message.Attachments.ElementAtOrDefault(index) : null;
        var key = thumbnail ? attachment?.ThumbnailKey : attachment?.Key;
        return key is null ? (null, UploadProblems.AttachmentNotFound()) : (key, null);
    }
}
