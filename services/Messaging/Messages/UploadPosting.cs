using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.Messaging.Apis;
using WebRtcChat.Messaging.Attachments;

namespace WebRtcChat.Messaging.Messages;

/// <summary>
/// Posts a message with files. The store sees the files only after the caller is known to be a member and the
/// <c>clientMessageId</c> unused; they are reserved for cleanup before they are stored, claimed by the message's
/// transaction, and deleted at once when the message is not posted (a concurrent retry won, a block, a failure).
/// </summary>
internal static class UploadPosting
{
    /// <summary>Not a member: 404; a retry of a posted message: 200 with the original; otherwise null (go on).</summary>
    public static async Task<Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult>?> PrecheckAsync(
        UploadFields fields, RoomServices services, CancellationToken cancellationToken)
    {
        if (await services.FindAsMemberAsync(fields.RoomId, cancellationToken) is not var (room, _))
        {
            return RoomProblems.RoomNotFound();
        }

        if (await MessageSender.FindOriginalAsync(services, room.Id, fields.ClientMessageId, cancellationToken) is not { } original)
        {
            return null;
        }

        return TypedResults.Ok(await services.ShapeAsync(room, original, cancellationToken));
    }

    public static async Task<Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult>> PostAsync(
        UploadFields fields, string type, IReadOnlyList<InspectedFile> files, RoomServices services, UploadServices uploads, CancellationToken cancellationToken)
    {
        var messageId = Guid.CreateVersion7();
        var stored = files.Select((file, index) => file.Attachment with
        {
            Key = AttachmentKeys.File(fields.RoomId, messageId, index),
            ThumbnailKey = file.Thumbnail is null ? null : AttachmentKeys.Thumbnail(fields.RoomId, messageId, index),
        }).ToList();
        var keys = stored.SelectMany(a => a.ObjectKeys()).ToList();

        // The precheck's tracked room would shadow the fresh, locked read the post makes.
        services.Db.ChangeTracker.Clear();
        await uploads.Attachments.ReserveAsync(services.Db, keys, cancellationToken);
        Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult> result;
        try
        {
            for (var index = 0; index < files.Count; index++)
            {
                await uploads.Attachments.PutAsync(files[index], stored[index], cancellationToken);
            }

            var draft = new MessageDraft(messageId, type, fields.Content, fields.ClientMessageId, fields.ReplyTo, Encrypted: false, stored);
            result = await MessageSender.PostAsync(fields.RoomId, draft, services, cancellationToken);
        }
        catch
        {
            await uploads.Attachments.DeleteNowAsync(services.Db, keys);
            throw;
        }

        if (result.Result is not Created<MessageDto>)
        {
            await uploads.Attachments.DeleteNowAsync(services.Db, keys);
        }

        return result;
    }
}
