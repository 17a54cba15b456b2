using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.Identity.Apis;
using WebRtcChat.ServiceDefaults.Uploads;

namespace WebRtcChat.Identity.Avatars;

/// <summary>
/// Reads a multipart avatar upload with the size limit enforced here, whatever sits in front: a declared
/// Content-Length over the limit is refused before reading, and a chunked body is read only up to the limit.
/// </summary>
public static class AvatarUpload
{
    public sealed record Result(byte[]? Image, ProblemHttpResult? Problem, string? FileError);

    public static async Task<Result> ReadAsync(HttpRequest request, AvatarOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, AvatarProblems.NotMultipart(), null);
        }

        var limit = options.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return new(null, AvatarProblems.TooLarge(options.MaxBytes), null);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit;
        }

        using var body = new MemoryStream();
        try
        {
            if (!await request.Body.CopyUpToAsync(body, limit, cancellationToken))
            {
                return new(null, AvatarProblems.TooLarge(options.MaxBytes), null);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, AvatarProblems.TooLarge(options.MaxBytes), null);
        }

        body.Position = 0;
        request.Body = body;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return new(null, AvatarProblems.MalformedUpload(), null);
        }

        if (form.Files.Count != 1)
        {
            return new(null, null, $"Send exactly one file (got {form.Files.Count}).");
        }

        var file = form.Files[0];
        if (file.Length > options.MaxBytes)
        {
            return new(null, AvatarProblems.TooLarge(options.MaxBytes), null);
        }

        if (file.Length == 0)
        {
            return new(null, null, "The file is empty.");
        }

        var image = new byte[file.Length];
        await using var content = file.OpenReadStream();
        await content.ReadExactlyAsync(image, cancellationToken);
        return new(image, null, null);
    }
}
