using System.Globalization;
using System.Text.Json;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>What ffprobe makes of a file: its container, duration, bitrate and streams. Null from <see cref="ProbeAsync"/> when it is no media file.</summary>
public sealed record MediaProbe(string FormatName, double? Duration, long? BitRate, IReadOnlyList<MediaStream> Streams)
{
    public IEnumerable<MediaStream> Audio => Streams.Where(s => s.Type == "audio");

    /// <summary>Picture streams; cover art attached to an audio file does not count.</summary>
    public IEnumerable<MediaStream> Video => Streams.Where(s => s.Type == "video" && !s.AttachedPicture);

    public static async Task<MediaProbe?> ProbeAsync(MediaTools tools, string path, CancellationToken cancellationToken)
    {
        var run = await tools.FfprobeAsync(["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "--", path], cancellationToken);
        if (run is not { ExitCode: 0 })
        {
            return null;
        }

        using var json = JsonDocument.Parse(run.Output);
        if (!json.RootElement.TryGetProperty("format", out var format))
        {
            return null;
        }

        var streams = json.RootElement.TryGetProperty("streams", out var list)
            ? list.EnumerateArray().Select(MediaStream.From).ToList()
            : [];
        var duration = Number(format, "duration");
        return new MediaProbe(
            format.GetProperty("format_name").GetString() ?? string.Empty,
            duration ?? await LastPacketEndAsync(tools, path, cancellationToken),
            (long?)Number(format, "bit_rate"),
            streams);
    }

    /// <summary>
    /// A stream written as it was recorded (a browser's MediaRecorder WebM) has no duration in its header: the end of
    /// its last audio packet is the duration.
    /// </summary>
    private static async Task<double?> LastPacketEndAsync(MediaTools tools, string path, CancellationToken cancellationToken)
    {
        var run = await tools.FfprobeAsync(
            ["-v", "error", "-select_streams", "a:0", "-show_entries", "packet=pts_time,duration_time", "-print_format", "json", "--", path],
            cancellationToken);
        if (run is not { ExitCode: 0 })
        {
            return null;
        }

        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.TryGetProperty("packets", out var packets)
            ? packets.EnumerateArray().Select(p => Number(p, "pts_time") + (Number(p, "duration_time") ?? 0)).Max()
            : null;
    }

    internal static double? Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}

/// <summary>One stream of a probed file.</summary>
public sealed record MediaStream(string Type, string Codec, int? Width, int? Height, bool AttachedPicture)
{
    public static MediaStream From(JsonElement stream) => new(
        stream.TryGetProperty("codec_type", out var type) ? type.GetString() ?? string.Empty : string.Empty,
        stream.TryGetProperty("codec_name", out var codec) ? codec.GetString() ?? string.Empty : string.Empty,
        stream.TryGetProperty("width", out var width) ? width.GetInt32() : null,
        stream.TryGetProperty("height", out var height) ? height.GetInt32() : null,
        stream.TryGetProperty("disposition", out var disposition)
            && disposition.TryGetProperty("attached_pic", out var attached) && attached.GetInt32() == 1);
}
