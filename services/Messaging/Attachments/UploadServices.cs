using Microsoft.Extensions.Options;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>What the upload and download handlers need beside <see cref="Apis.RoomServices"/>, as one <c>[AsParameters]</c> group.</summary>
public sealed record UploadServices(AttachmentStore Attachments, MediaTools Tools, IOptions<AttachmentOptions> Options);
