namespace WebRtcChat.Identity.Avatars;

/// <summary>What the header of an accepted image says: its real content type (from the bytes, not the upload) and size.</summary>
public sealed record ImageInfo(string ContentType, int Width, int Height);
