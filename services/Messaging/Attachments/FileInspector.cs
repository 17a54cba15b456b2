using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>
/// Accepts an attachment when what its bytes are (sniffed, then for media confirmed by ffprobe) is on the allow-list.
/// Images and videos are measured and get a thumbnail; audio files get their duration.
/// </summary>
public static class FileInspector
{
    public static async Task<(InspectedFile? File, string? Error)> InspectAsync(
        UploadedFile file, MediaTools tools, AttachmentOptions options, CancellationToken cancellationToken)
    {
        var name = FileNames.Sanitize(file.FileName);
        if (file.Length == 0)
        {
            return (null, $"'{name}' is empty.");
        }

        var mimeType = await ContentSniffer.SniffAsync(file.Path, cancellationToken);
        var kind = MediaKinds.Of(mimeType);
        var attachment = new Attachment(string.Empty, name, file.Length, mimeType);
        byte[]? thumbnail = null;
        if (kind != MediaKinds.File && options.EffectiveAllowedTypes.Contains(mimeType))
        {
            var probe = await MediaProbe.ProbeAsync(tools, file.Path, cancellationToken);
            var picture = probe?.Video.FirstOrDefault(s => s.Width > 0 && s.Height > 0);
            var readable = probe is not null && kind switch
            {
                MediaKinds.Image => picture is not null,
                MediaKinds.Video => picture is not null || probe.Audio.Any(),
                _ => probe.Audio.Any(),
            };
            if (!readable)
            {
                return (null, $"'{name}' looks like {mimeType} but could not be read: it is truncated or corrupt.");
            }

            if (kind == MediaKinds.Video && picture is null)
            {
                // A WebM or MP4 with sound only is an audio file.
                (kind, mimeType) = (MediaKinds.Audio, mimeType.Replace("video/", "audio/", StringComparison.Ordinal));
            }

            if (picture is not null && (long)picture.Width!.Value * picture.Height!.Value > options.MaxImagePixels)
            {
                return (null, $"'{name}' has more than {options.MaxImagePixels} pixels.");
            }

            attachment = attachment with
            {
                MimeType = mimeType,
                Width = kind == MediaKinds.Audio ? null : picture?.Width,
                Height = kind == MediaKinds.Audio ? null : picture?.Height,
                Duration = kind == MediaKinds.Image ? null : probe!.Duration is { } seconds ? Math.Round(seconds, 3) : null,
                Codec = (kind == MediaKinds.Audio ? probe!.Audio.FirstOrDefault() : picture)?.Codec,
            };
            thumbnail = kind == MediaKinds.Audio ? null : await Thumbnails.MakeAsync(tools, file.Path, options.ThumbnailSize, cancellationToken);
        }

        return options.EffectiveAllowedTypes.Contains(mimeType)
            ? (new InspectedFile(file, attachment, kind, thumbnail), null)
            : (null, $"'{name}' is {mimeType}, which is not an allowed attachment type.");
    }
}
