using WebRtcChat.Messaging.Attachments;

namespace WebRtcChat.Messaging.Messages;

/// <summary>The form fields of an upload beside its files: <c>roomId</c>, <c>clientMessageId</c>, optional <c>replyTo</c> and <c>content</c> (a caption).</summary>
internal sealed record UploadFields(Guid RoomId, string? ClientMessageId, Guid? ReplyTo, string Content)
{
    /// <summary>The fields, or the errors (by field name) that make them unusable.</summary>
    public static (UploadFields? Fields, Dictionary<string, string[]> Errors) Read(UploadBatch batch)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Guid.TryParse(batch.Field("roomId"), out var roomId) || roomId == Guid.Empty)
        {
            errors["roomId"] = ["The roomId is required and must be a room id."];
        }

        var clientMessageId = batch.Field("clientMessageId");
        if (MessageRules.CheckClientMessageId(clientMessageId) is { } idError)
        {
            errors["clientMessageId"] = [idError];
        }

        Guid? replyTo = null;
        if (batch.Field("replyTo") is { Length: > 0 } reply)
        {
            if (Guid.TryParse(reply, out var replyId))
            {
                replyTo = replyId;
            }
            else
            {
                errors["replyTo"] = ["replyTo must be a message id."];
            }
        }

        var content = batch.Field("content") ?? string.Empty;
        if (content.Length > MessageRules.MaxContentLength)
        {
            errors["content"] = [$"The content must be at most {MessageRules.MaxContentLength} characters."];
        }

        return (errors.Count == 0 ? new UploadFields(roomId, clientMessageId, replyTo, content) : null, errors);
    }
}
