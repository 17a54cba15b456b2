using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Apis;
using WebRtcChat.Messaging.Attachments;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Messages;

/// <summary>
/// Posts a message (text here; voice and files through <see cref="UploadPosting"/>). Under the room's row lock it takes the room's next sequence number, so messages are numbered in
/// commit order, and a retry with the same <c>clientMessageId</c> finds the original instead of posting twice.
/// </summary>
internal static class MessageSender
{
    public static async Task<Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult>> SendAsync(
        Guid? roomId, SendMessageRequest request, RoomServices services, CancellationToken cancellationToken)
    {
        var errors = Validate(roomId, request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var draft = new MessageDraft(
            Guid.CreateVersion7(), MessageTypes.Text, request.Content!, request.ClientMessageId, request.ReplyTo, request.Encrypted, []);
        return await PostAsync(roomId!.Value, draft, services, cancellationToken);
    }

    /// <summary>Posts a checked draft: the room's checks (membership, retry, blocks, reply target) under its row lock, then the message and its event.</summary>
    public static async Task<Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult>> PostAsync(
        Guid roomId, MessageDraft draft, RoomServices services, CancellationToken cancellationToken)
    {
        var db = services.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await services.LockAsMemberAsync(roomId, cancellationToken) is not var (room, caller))
        {
            return RoomProblems.RoomNotFound();
        }

        if (await FindOriginalAsync(services, room.Id, draft.ClientMessageId, cancellationToken) is { } original)
        {
            return TypedResults.Ok(await services.ShapeAsync(room, original, cancellationToken));
        }

        if (await BlockedAsync(services, room, caller.UserId, cancellationToken) is { } blocked)
        {
            return blocked;
        }

        if (draft.ReplyTo is { } replyTo && !await db.Messages.AnyAsync(m => m.Id == replyTo && m.RoomId == room.Id, cancellationToken))
        {
            return TypedResults.ValidationProblem(RoomsApi.Errors("replyTo", "replyTo must be a message of the same room."));
        }

        var now = services.Time.GetUtcNow();
        var message = new Message
        {
            Id = draft.Id,
            RoomId = room.Id,
            Seq = ++room.LastMessageSeq,
            SenderId = caller.UserId,
            ClientMessageId = draft.ClientMessageId,
            Type = draft.Type,
            Content = draft.Content,
            Encrypted = draft.Encrypted,
            ReplyTo = draft.ReplyTo,
            Mentions = draft.Encrypted ? [] : await MentionedMembersAsync(services, room, draft.Content, cancellationToken),
            Attachments = [.. draft.Attachments],
            CreatedAt = now,
            UpdatedAt = now,
        };
        room.LastActivityAt = now;
        db.Messages.Add(message);
        ReadPositions.AdvanceRead(db, caller, message.Seq, now);
        db.AddIntegrationEvent(new MessageSent(
            message.Id, room.Id, message.Seq, caller.UserId, message.Type, message.Encrypted ? null : message.Content, message.Encrypted,
            message.ReplyTo, message.Mentions, message.Attachments.Count, room.MemberIds(), now));
        if (message.Attachments.Count > 0)
        {
            await AttachmentStore.ClaimAsync(db, [.. message.Attachments.SelectMany(a => a.ObjectKeys())], cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/messages/{message.Id}", await services.ShapeAsync(room, message, cancellationToken));
    }

    /// <summary>The caller's message in the room with this <c>clientMessageId</c> (a retry's original), if any.</summary>
    public static async Task<Message?> FindOriginalAsync(RoomServices services, Guid roomId, string? clientMessageId, CancellationToken cancellationToken)
    {
        var caller = services.CallerId;
        return clientMessageId is null
            ? null
            : await services.Db.Messages.AsNoTracking().SingleOrDefaultAsync(
                m => m.RoomId == roomId && m.SenderId == caller && m.ClientMessageId == clientMessageId, cancellationToken);
    }

    /// <summary>The members named with @username in <paramref name="content"/>.</summary>
    public static async Task<List<Guid>> MentionedMembersAsync(RoomServices services, Room room, string content, CancellationToken cancellationToken)
    {
        var names = Mentions.UserNamesIn(content).Select(n => n.ToLowerInvariant()).ToList();
        if (names.Count == 0)
        {
            return [];
        }

        var members = room.MemberIds();
        return await services.Db.Users.AsNoTracking()
            .Where(u => members.Contains(u.Id) && names.Contains(u.UserName.ToLower()))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
    }

    private static Dictionary<string, string[]> Validate(Guid? roomId, SendMessageRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (roomId is null || roomId == Guid.Empty)
        {
            errors["roomId"] = ["The roomId is required."];
        }

        if (MessageRules.CheckContent(request.Content) is { } contentError)
        {
            errors["content"] = [contentError];
        }

        if (MessageRules.CheckClientMessageId(request.ClientMessageId) is { } idError)
        {
            errors["clientMessageId"] = [idError];
        }

        return errors;
    }

    /// <summary>In a direct room, a block either way stops messages: the blocked user learns only that they cannot message.</summary>
    private static async Task<ProblemHttpResult?> BlockedAsync(RoomServices services, Room room, Guid sender, CancellationToken cancellationToken)
    {
        if (room.Kind != RoomKinds.Direct)
        {
            return null;
        }

        var other = room.Members.Single(m => m.UserId != sender).UserId;
        if (await services.Db.Blocks.AnyAsync(b => b.BlockerId == sender && b.BlockedId == other, cancellationToken))
        {
            return RoomProblems.Blocked();
        }

        return await services.Db.Blocks.AnyAsync(b => b.BlockerId == other && b.BlockedId == sender, cancellationToken)
            ? RoomProblems.CannotMessage()
            : null;
    }
}
