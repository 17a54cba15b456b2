using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>
/// An uploaded file that passed inspection: its attachment record (still without storage keys), its kind
/// (<see cref="MediaKinds"/>) and, for images and videos, a thumbnail to store beside it.
/// </summary>
public sealed record InspectedFile(UploadedFile Source, Attachment Attachment, string Kind, byte[]? Thumbnail);

public static class MediaKinds
{
    public const string Image = "image";
    public const string Video = "video";
    public const string Audio = "audio";
    public const string File = "file";

    public static string Of(string mimeType) =>
        mimeType.StartsWith("image/", StringComparison.Ordinal) ? Image
        : mimeType.StartsWith("video/", StringComparison.Ordinal) ? Video
        : mimeType.StartsWith("audio/", StringComparison.Ordinal) ? Audio
        : File;
}
