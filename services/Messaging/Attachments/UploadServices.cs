using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>What the upload and download handlers need beside <see cref="Apis.RoomServices"/>, as one <c>[AsParameters]</c> group (names must not repeat RoomServices' ones: both bind by name).</summary>
public sealed record UploadServices([FromServices] AttachmentStore Attachments, [FromServices] MediaTools Tools, [FromServices] IOptions<AttachmentOptions> Settings);
