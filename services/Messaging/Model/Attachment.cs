namespace WebRtcChat.Messaging.Model;

/// <summary>
/// A file of a message, kept in the object store under <see cref="Key"/>. <see cref="MimeType"/> is what the bytes are
/// (sniffed and probed on upload), never what the client declared. Media measurements are null where they do not apply.
/// </summary>
public sealed record Attachment(
    string Key,
    string FileName,
    long Size,
    string MimeType,
    int? Width = null,
    int? Height = null,
    string? ThumbnailKey = null,
    double? Duration = null,
    int? Bitrate = null,
    string? Codec = null)
{
    /// <summary>Every object this attachment keeps in the store.</summary>
    public IEnumerable<string> ObjectKeys() => ThumbnailKey is null ? [Key] : [Key, ThumbnailKey];
}
