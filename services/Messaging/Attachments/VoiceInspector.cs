using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>
/// Accepts a voice recording only when its bytes are a WebM or Ogg file with one Opus stream, or an MP4 with one AAC
/// (or Opus) stream, and nothing else, no longer than the configured maximum. Duration, bitrate and codec come from ffprobe.
/// </summary>
public static class VoiceInspector
{
    private static readonly Dictionary<string, (string MimeType, string[] Codecs)> Containers = new(StringComparer.Ordinal)
    {
        ["video/webm"] = ("audio/webm", ["opus"]),
        ["audio/ogg"] = ("audio/ogg", ["opus"]),
        ["video/mp4"] = ("audio/mp4", ["aac", "opus"]),
        ["audio/mp4"] = ("audio/mp4", ["aac", "opus"]),
    };

    /// <summary>The voice message's file, or why it is refused.</summary>
    public static async Task<(InspectedFile? File, string? Error)> InspectAsync(
        UploadedFile file, MediaTools tools, AttachmentOptions options, CancellationToken cancellationToken)
    {
        var sniffed = await ContentSniffer.SniffAsync(file.Path, cancellationToken);
        if (!Containers.TryGetValue(sniffed, out var container))
        {
            return (null, $"The audio must be WebM/Opus, Ogg/Opus or MP4/AAC; this file is {sniffed}.");
        }

        var probe = await MediaProbe.ProbeAsync(tools, file.Path, cancellationToken);
        if (probe is null)
        {
            return (null, "The audio could not be read: it is truncated or not really audio.");
        }

        var audio = probe.Audio.ToList();
        if (audio.Count != 1 || probe.Video.Any())
        {
            return (null, "A voice message must have exactly one audio stream and no video.");
        }

        if (!container.Codecs.Contains(audio[0].Codec))
        {
            return (null, $"The audio codec must be {string.Join(" or ", container.Codecs)}; this file has {audio[0].Codec}.");
        }

        if (probe.Duration is not { } duration || duration <= 0)
        {
            return (null, "The audio's duration could not be determined.");
        }

        if (duration > options.VoiceMaxDuration.TotalSeconds)
        {
            return (null, $"A voice message may be at most {options.VoiceMaxDuration.TotalMinutes:0.#} minutes long.");
        }

        var bitrate = probe.BitRate ?? (long)(file.Length * 8 / duration);
        var attachment = new Attachment(
            string.Empty, FileNames.Sanitize(file.FileName), file.Length, container.MimeType,
            Duration: Math.Round(duration, 3), Bitrate: (int)Math.Min(bitrate, int.MaxValue), Codec: audio[0].Codec);
        return (new InspectedFile(file, attachment, MediaKinds.Audio, null), null);
    }
}
