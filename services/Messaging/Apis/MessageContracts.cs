namespace WebRtcChat.Messaging.Apis;

/// <summary>POST /api/messages/send (and POST /api/rooms/{id}/messages, where the room comes from the path).</summary>
public sealed record SendMessageRequest(Guid? RoomId, string? Content, string? ClientMessageId, Guid? ReplyTo, bool Encrypted = false);

/// <summary>PUT /api/messages/{id}.</summary>
public sealed record EditMessageRequest(string? Content);

/// <summary>POST /api/rooms/{id}/read and /delivered: everything up to and including this message.</summary>
public sealed record ReceiptRequest(Guid? UpToMessageId);

public sealed record ReactionDto(string Emoji, IReadOnlyList<Guid> Users, int Count);

public sealed record ReadByDto(Guid UserId, DateTimeOffset ReadAt);

/// <summary>Everyone who read message <paramref name="MessageId"/>, earliest first.</summary>
public sealed record MessageReadersDto(Guid MessageId, int ReadCount, IReadOnlyList<ReadByDto> ReadBy);

/// <summary>The seed's <c>voiceMessage</c>: <c>url</c> is this API's download path (members only; it redirects to a short-lived link).</summary>
public sealed record VoiceMessageDto(string Url, double Duration, string MimeType, string Codec, int Bitrate, long Size);

/// <summary>One of the seed's <c>attachments</c>; width, height and thumbnail for images and videos, duration for audio and video.</summary>
public sealed record AttachmentDto(
    string Filename, string Url, long Size, string MimeType, int? Width, int? Height, string? ThumbnailUrl, double? Duration);

/// <summary>A presigned URL of the object store, usable without a token until <c>expiresAt</c>.</summary>
public sealed record DownloadLinkDto(string Url, DateTimeOffset ExpiresAt);

public sealed record EditDto(string Content, DateTimeOffset EditedAt, Guid EditedBy);

/// <summary>
/// A message as the seed shapes it. <c>status</c> is sent, delivered (every other member's client has it) or read (every
/// other member read it); <c>readBy</c> lists who read it and when, in rooms up to the configured size (else only <c>readCount</c>).
/// A deleted message keeps its place with <c>deleted: true</c> and no content or files. A voice message has
/// <c>voiceMessage</c>; file, image and video messages have <c>attachments</c>.
/// </summary>
public sealed record MessageDto(
    Guid Id,
    Guid RoomId,
    long Seq,
    Guid Sender,
    string MessageType,
    string? Content,
    VoiceMessageDto? VoiceMessage,
    IReadOnlyList<AttachmentDto> Attachments,
    bool Encrypted,
    Guid? ReplyTo,
    int ReplyCount,
    IReadOnlyList<Guid> Mentions,
    IReadOnlyList<ReactionDto> Reactions,
    string Status,
    IReadOnlyList<ReadByDto>? ReadBy,
    int ReadCount,
    IReadOnlyList<EditDto> EditHistory,
    bool Edited,
    bool Deleted,
    string? ClientMessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A page of a room's history, oldest first; <c>hasMore</c> says whether the page's far end reached the limit.</summary>
public sealed record MessagePage(IReadOnlyList<MessageDto> Messages, bool HasMore);

/// <summary>A message and its replies, oldest first.</summary>
public sealed record ThreadDto(MessageDto Root, IReadOnlyList<MessageDto> Replies);

/// <summary>The caller's read and delivery positions (message sequence numbers) after a receipt, and what is left unread.</summary>
public sealed record ReceiptDto(Guid RoomId, long LastReadSeq, long LastDeliveredSeq, long UnreadCount);
