namespace WebRtcChat.Identity.Avatars;

/// <summary>
/// Recognises PNG, JPEG and WebP by their bytes and walks their structure far enough to reject a truncated or
/// garbage file that merely starts with a valid signature. It does not decode pixels: clients do, and they get only
/// files whose container is complete and whose dimensions are sane.
/// </summary>
public static class ImageInspector
{
    public const int MaxDimension = 8192;

    /// <summary>The image's format and size, or an error message saying why it is not an accepted image.</summary>
    public static (ImageInfo? Image, string? Error) Inspect(ReadOnlySpan<byte> bytes)
    {
        ImageInfo? image;
        if (PngStructure.Matches(bytes))
        {
            image = PngStructure.Read(bytes);
        }
        else if (JpegStructure.Matches(bytes))
        {
            image = JpegStructure.Read(bytes);
        }
        else if (WebpStructure.Matches(bytes))
        {
            image = WebpStructure.Read(bytes);
        }
        else
        {
            return (null, "Only PNG, JPEG and WebP images are accepted.");
        }

        if (image is null)
        {
            return (null, "The image is truncated or corrupt.");
        }

        return image.Width is < 1 or > MaxDimension || image.Height is < 1 or > MaxDimension
            ? (null, $"The image must be between 1 and {MaxDimension} pixels wide and high.")
            : (image, null);
    }
}
