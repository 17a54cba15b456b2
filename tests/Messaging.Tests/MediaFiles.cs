using System.Diagnostics;
using System.IO.Compression;

namespace WebRtcChat.Messaging.Tests;

/// <summary>Real media files made by ffmpeg for a test, and a few documents built byte by byte.</summary>
public static class MediaFiles
{
    /// <summary>A sine tone encoded by ffmpeg with <paramref name="codecAndFormat"/> (e.g. <c>-c:a libopus -f ogg</c>); its bytes.</summary>
    public static Task<byte[]> ToneAsync(double seconds, params string[] codecAndFormat) =>
        FfmpegAsync(["-f", "lavfi", "-i", FormattableString.Invariant($"sine=frequency=440:duration={seconds}"), .. codecAndFormat]);

    /// <summary>A PNG test pattern of the given size.</summary>
    public static Task<byte[]> PngAsync(int width, int height) =>
        FfmpegAsync(["-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=1", "-frames:v", "1", "-f", "image2pipe", "-c:v", "png"]);

    /// <summary>A short WebM (VP8) video of the given size.</summary>
    public static Task<byte[]> WebmVideoAsync(int width, int height) =>
        FfmpegAsync(["-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=10:duration=1", "-c:v", "libvpx", "-b:v", "200k", "-f", "webm"]);

    public static byte[] Pdf => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>The start of a 64-bit Linux executable.</summary>
    public static byte[] Elf => [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, .. new byte[120]];

    public static byte[] Zip(string entryName, string text)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(entryName).Open());
            writer.Write(text);
        }

        return buffer.ToArray();
    }

    private static async Task<byte[]> FfmpegAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-v", "error", "-nostdin", .. arguments, "pipe:1"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {await errors}");
        return output.ToArray();
    }
}
