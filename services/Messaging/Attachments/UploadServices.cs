using Microsoft.Extensions.Options;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>What the upload and download handlers need beside <see cref="Apis.RoomServices"/>, as one <c>[AsParameters]</c> group (names must not repeat RoomServices' ones: both bind by name).</summary>
public sealed record UploadServices(AttachmentStore Attachments, MediaTools Tools, IOptions<AttachmentOptions> Settings);
