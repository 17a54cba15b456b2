namespace WebRtcChat.Messaging.Attachments;

/// <summary>Makes a WebP thumbnail (keeps transparency, small) of an image or a video's first frame, never larger than the original.</summary>
public static class Thumbnails
{
    public const string MimeType = "image/webp";

    /// <summary>The thumbnail's bytes, or null when ffmpeg could not decode a frame.</summary>
    public static async Task<byte[]?> MakeAsync(MediaTools tools, string path, int size, CancellationToken cancellationToken)
    {
        var fit = $"scale=w='min(iw,{size})':h='min(ih,{size})':force_original_aspect_ratio=decrease";
        var run = await tools.FfmpegAsync(
            ["-v", "error", "-nostdin", "-i", path, "-frames:v", "1", "-vf", fit, "-c:v", "libwebp", "-quality", "75", "-f", "webp", "pipe:1"],
            cancellationToken);
        return run is { ExitCode: 0, Output.Length: > 0 } ? run.Output : null;
    }
}
