using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Messages;

/// <summary>A message ready to post, its input already checked; <see cref="Id"/> is chosen first so its files can be stored under it.</summary>
internal sealed record MessageDraft(
    Guid Id, string Type, string Content, string? ClientMessageId, Guid? ReplyTo, bool Encrypted, IReadOnlyList<Attachment> Attachments);
