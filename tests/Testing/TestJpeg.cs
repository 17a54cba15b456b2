namespace WebRtcChat.Testing;

/// <summary>A tiny real JPEG (made with ffmpeg), and the same image grown to an exact size for upload-limit tests.</summary>
public static class TestJpeg
{
    private const int MaxSegment = 4 + 65533; // marker, length, and the largest payload a length can describe

    /// <summary>2x2 baseline JPEG.</summary>
    public static byte[] Small => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgEBAQEBAUFBQUFBQYGBgYGBgYGBgYGBgYHBwcICAgHBwcGBgcHCAgICAkJCQgICAgJCQoKCgwMCwsODg4RERT/xABMAAEBAAAAAAAAAAAAAAAAAAAABgEBAQAAAAAAAAAAAAAAAAAABgcQAQAAAAAAAAAAAAAAAAAAAAARAQAAAAAAAAAAAAAAAAAAAAD/wAARCAACAAIDASIAAhEAAxEA/9oADAMBAAIRAxEAPwCLAFF/f//Z");

    /// <summary>The small JPEG with comment (COM) segments after its start marker: still a whole, valid JPEG of exactly <paramref name="size"/> bytes.</summary>
    public static byte[] PaddedTo(int size)
    {
        var image = Small;
        var remaining = size - image.Length;
        if (remaining is < 0 or (> 0 and < 4))
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"Needs 0 or at least 4 bytes beyond {image.Length}.");
        }

        using var output = new MemoryStream(size);
        output.Write(image, 0, 2); // SOI
        while (remaining > 0)
        {
            var segment = Math.Min(remaining, MaxSegment);
            if (remaining - segment is > 0 and < 4)
            {
                segment -= 4;
            }

            var length = segment - 2;
            output.Write([0xFF, 0xFE, (byte)(length >> 8), (byte)length]);
            output.Write(new byte[segment - 4]);
            remaining -= segment;
        }

        output.Write(image, 2, image.Length - 2);
        return output.ToArray();
    }
}
