using System.Diagnostics;
using System.Globalization;

namespace WebRtcChat.Bench.SfuLoad.Media;

/// <summary>
/// The pre-encoded capture the publishers send: made once with ffmpeg from its lavfi test sources (testsrc2 picture,
/// sine tone) as VP8 in IVF per layer and Opus in Ogg, cached in a temp folder, then parsed into clips.
/// </summary>
public sealed class CaptureFiles
{
    private const int Seconds = 10;
    private const int FramesPerSecond = 30;

    private readonly string folder;

    public CaptureFiles(string? folder = null) => this.folder = folder ?? Path.Combine(Path.GetTempPath(), "webrtcchat-sfuload-capture");

    /// <summary>VP8, <see cref="FramesPerSecond"/> fps, a key frame every 2 s, real-time encoder settings (no alt-ref, no lag).</summary>
    public async Task<MediaClip> VideoAsync(VideoLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var file = await EnsureAsync($"vp8-{layer.Width}x{layer.Height}-{layer.Kbps}k.ivf",
            $"-f lavfi -i testsrc2=size={layer.Width}x{layer.Height}:rate={FramesPerSecond} -c:v libvpx -b:v {layer.Kbps}k -minrate {layer.Kbps}k -maxrate {layer.Kbps}k "
            + $"-deadline realtime -cpu-used 8 -g {2 * FramesPerSecond} -auto-alt-ref 0 -lag-in-frames 0 -f ivf");
        return IvfReader.Read(await File.ReadAllBytesAsync(file));
    }

    /// <summary>Opus, 40 kbps, 20 ms frames, mono 48 kHz.</summary>
    public async Task<MediaClip> AudioAsync()
    {
        var file = await EnsureAsync("opus-40k-cbr.ogg",
            "-f lavfi -i sine=frequency=440:sample_rate=48000 -af volume=0.5 -ac 1 -c:a libopus -b:a 40k -vbr off -frame_duration 20 -application voip -f ogg");
        return OggOpusReader.Read(await File.ReadAllBytesAsync(file));
    }

    private async Task<string> EnsureAsync(string name, string encoding)
    {
        var path = Path.Combine(folder, name);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var partial = path + ".partial";
        var arguments = string.Create(CultureInfo.InvariantCulture, $"-hide_banner -loglevel error -y {encoding.Replace("-i ", $"-t {Seconds} -i ", StringComparison.Ordinal)} {partial}");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", arguments) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("ffmpeg did not start (install the Debian package ffmpeg).");
        var errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        if (ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {arguments} failed: {errors}");
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }
}
