using WebRtcChat.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>Tiny real images (made with ffmpeg) and broken variants of them.</summary>
internal static class TestImages
{
    /// <summary>4x2 RGB PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAACXBIWXMAAAABAAAAAQBPJcTWAAAAD0lEQVR4nGNgqGdAIGQOADOyA/ly/vMhAAAAAElFTkSuQmCC");

    /// <summary>2x2 baseline JPEG.</summary>
    public static readonly byte[] Jpeg = TestJpeg.Small;

    /// <summary>4x2 lossy WebP (VP8).</summary>
    public static readonly byte[] WebpLossy = Convert.FromBase64String(
        "UklGRjgAAABXRUJQVlA4ICwAAACQAQCdASoEAAIAAgA0JaACdLoAA5gA/vmTb/+QH/+QH/+QH/8gP+IXeyAwAA==");

    /// <summary>4x2 lossless WebP (VP8L).</summary>
    public static readonly byte[] WebpLossless = Convert.FromBase64String("UklGRhwAAABXRUJQVlA4TA8AAAAvA0AAAAcQ0f/+ByKi/wEA");

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="image"/>: a valid signature, a truncated body.</summary>
    public static byte[] Truncated(byte[] image, int length) => image[..length];

    /// <summary>A valid signature followed by random bytes.</summary>
    public static byte[] SignatureThenGarbage(byte[] image, int signatureLength)
    {
        var bytes = new byte[200];
        Random.Shared.NextBytes(bytes);
        image.AsSpan(0, signatureLength).CopyTo(bytes);
        return bytes;
    }
}
