namespace WebRtcChat.Messaging.Attachments;

/// <summary>A file part of a multipart upload, spooled to <see cref="Path"/>; <see cref="FileName"/> as the client sent it (unsanitized).</summary>
public sealed record UploadedFile(string FieldName, string FileName, string Path, long Length);
