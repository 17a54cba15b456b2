namespace WebRtcChat.Messaging.Attachments;

/// <summary>
/// Where a message's files live in the store: <c>rooms/{roomId}/messages/{messageId}/{n}</c> (and <c>{n}-thumbnail</c>).
/// Keys are made from ids only, never from a client's file name.
/// </summary>
public static class AttachmentKeys
{
    public const int MaxLength = 256;

    public static string RoomPrefix(Guid roomId) => $"rooms/{roomId}/";

    public static string File(Guid roomId, Guid messageId, int index) => $"{RoomPrefix(roomId)}messages/{messageId}/{index}";

    public static string Thumbnail(Guid roomId, Guid messageId, int index) => $"{File(roomId, messageId, index)}-thumbnail";
}
