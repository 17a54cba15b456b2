using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using WebRtcChat.Messaging.Apis;
using WebRtcChat.ServiceDefaults.Uploads;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>
/// Streams a multipart upload to temporary files, enforcing the limits as it reads (whatever sits in front): a declared
/// Content-Length over the request limit is refused before reading, a file over its limit as soon as it passes it.
/// </summary>
public static class MultipartUpload
{
    /// <summary>The most bytes a form field (not a file) may have: room for a 10 000 character caption in any script.</summary>
    public const int MaxFieldBytes = 64 * 1024;

    private const int MaxExtraParts = 16;

    public sealed record Limits(long MaxRequestBytes, long MaxFileBytes, long MaxTotalFileBytes, int MaxFiles);

    public static async Task<(UploadBatch? Batch, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, Limits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, UploadProblems.NotMultipart());
        }

        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return (null, UploadProblems.RequestTooLarge(limits.MaxRequestBytes));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limits.MaxRequestBytes;
        }

        var batch = new UploadBatch(Path.Combine(Path.GetTempPath(), "webrtcchat-uploads", Guid.CreateVersion7().ToString("N")));
        try
        {
            var problem = await ReadPartsAsync(new MultipartReader(boundary, request.Body), batch, limits, cancellationToken);
            if (problem is null)
            {
                return (batch, null);
            }

            batch.Dispose();
            return (null, problem);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            batch.Dispose();
            return (null, exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? UploadProblems.RequestTooLarge(limits.MaxRequestBytes)
                : UploadProblems.MalformedUpload());
        }
    }

    private static async Task<ProblemHttpResult?> ReadPartsAsync(MultipartReader reader, UploadBatch batch, Limits limits, CancellationToken cancellationToken)
    {
        var parts = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++parts > limits.MaxFiles + MaxExtraParts
                || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
            {
                return UploadProblems.MalformedUpload();
            }

            if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? string.Empty;
                var room = Math.Min(limits.MaxFileBytes, limits.MaxTotalFileBytes - batch.TotalBytes);
                if (await SpoolAsync(section.Body, batch, name, fileName, room, cancellationToken) is not { } file)
                {
                    return batch.TotalBytes + limits.MaxFileBytes > limits.MaxTotalFileBytes
                        ? UploadProblems.FilesTooLarge(limits.MaxTotalFileBytes)
                        : UploadProblems.FileTooLarge(fileName, limits.MaxFileBytes);
                }

                batch.Files.Add(file);
            }
            else
            {
                using var value = new MemoryStream();
                if (!await section.Body.CopyUpToAsync(value, MaxFieldBytes, cancellationToken))
                {
                    return UploadProblems.FieldTooLarge(name, MaxFieldBytes);
                }

                batch.Fields[name] = System.Text.Encoding.UTF8.GetString(value.GetBuffer(), 0, (int)value.Length);
            }
        }

        return null;
    }

    /// <summary>Writes the part to a new file in the batch's folder; null when it has more than <paramref name="limit"/> bytes.</summary>
    private static async Task<UploadedFile?> SpoolAsync(
        Stream body, UploadBatch batch, string fieldName, string fileName, long limit, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(batch.Folder);
        var path = Path.Combine(batch.Folder, batch.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        return await body.CopyUpToAsync(file, limit, cancellationToken)
            ? new UploadedFile(fieldName, fileName, path, file.Length)
            : null;
    }
}
