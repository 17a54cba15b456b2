using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Attachments;
using WebRtcChat.Messaging.Messages;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Apis;

/// <summary>Messages (seed API): send, history, edit, soft delete, thread.</summary>
public static class MessagesApi
{
    public static RouteGroupBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/messages").WithTags("Messages").RequireAuthorization(CallerExtensions.UserPolicy);
        group.MapPost("/send", (SendMessageRequest request, [AsParameters] RoomServices services, CancellationToken ct) =>
            MessageSender.SendAsync(request.RoomId, request, services, ct));
        group.MapGet("/room/{roomId:guid}", HistoryAsync);
        group.MapPut("/{messageId:guid}", EditAsync);
        group.MapDelete("/{messageId:guid}", DeleteAsync);
        group.MapGet("/{messageId:guid}/thread", ThreadAsync);
        group.MapReactions();
        group.MapReadBy();
        group.MapUploads();

        app.MapPost("/api/rooms/{roomId:guid}/messages", (Guid roomId, SendMessageRequest request, [AsParameters] RoomServices services, CancellationToken ct) =>
                MessageSender.SendAsync(roomId, request, services, ct))
            .WithTags("Messages")
            .RequireAuthorization(CallerExtensions.UserPolicy);
        return group;
    }

    public static Task<Results<Ok<MessagePage>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        Guid roomId, int? limit, Guid? before, Guid? after, int? skip, [AsParameters] RoomServices services, CancellationToken cancellationToken) =>
        HistoryQuery.PageAsync(roomId, limit, before, after, skip, services, cancellationToken);

    public static async Task<Results<Ok<MessageDto>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid messageId, EditMessageRequest request, [AsParameters] RoomServices services, CancellationToken cancellationToken)
    {
        if (MessageRules.CheckContent(request.Content) is { } contentError)
        {
            return TypedResults.ValidationProblem(RoomsApi.Errors("content", contentError));
        }

        await using var transaction = await services.Db.Database.BeginTransactionAsync(cancellationToken);
        if (await services.FindMessageAsMemberAsync(messageId, cancellationToken, forUpdate: true) is not var (message, room, caller))
        {
            return RoomProblems.MessageNotFound();
        }

        if (message.SenderId != caller.UserId)
        {
            return RoomProblems.NotAuthor();
        }

        if (message.DeletedAt is not null)
        {
            return RoomProblems.MessageDeleted();
        }

        if (message.Content != request.Content)
        {
            var now = services.Time.GetUtcNow();
            message.EditHistory.Add(new EditRecord(message.Content, now, caller.UserId));
            message.Content = request.Content!;
            message.Mentions = message.Encrypted ? [] : await MessageSender.MentionedMembersAsync(services, room, message.Content, cancellationToken);
            message.EditedAt = now;
            message.UpdatedAt = now;
            services.Db.AddIntegrationEvent(new MessageEdited(
                message.Id, room.Id, caller.UserId, message.Encrypted ? null : message.Content, room.MemberIds(), now));
            await services.Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(await services.ShapeAsync(room, message, cancellationToken));
    }

    /// <summary>
    /// Soft delete: the content, its history, reactions and files go; the tombstone keeps the message's place. The files
    /// are deleted from the store after the commit (and retried by the sweeper if the store fails).
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid messageId, [AsParameters] RoomServices services, AttachmentStore attachments, CancellationToken cancellationToken)
    {
        await using var transaction = await services.Db.Database.BeginTransactionAsync(cancellationToken);
        if (await services.FindMessageAsMemberAsync(messageId, cancellationToken, forUpdate: true) is not var (message, room, caller))
        {
            return RoomProblems.MessageNotFound();
        }

        if (message.SenderId != caller.UserId && !RoomRoles.CanManage(caller.Role))
        {
            return RoomProblems.CannotDelete();
        }

        if (message.DeletedAt is null)
        {
            var now = services.Time.GetUtcNow();
            var files = message.Attachments.SelectMany(a => a.ObjectKeys()).ToList();
            attachments.ScheduleDeletion(services.Db, files);
            message.Attachments = [];
            message.Content = string.Empty;
            message.EditHistory = [];
            message.Mentions = [];
            message.DeletedAt = now;
            message.DeletedBy = caller.UserId;
            message.UpdatedAt = now;
            services.Db.Reactions.RemoveRange(await services.Db.Reactions.Where(r => r.MessageId == message.Id).ToListAsync(cancellationToken));
            services.Db.AddIntegrationEvent(new MessageDeleted(message.Id, room.Id, caller.UserId, room.MemberIds(), now));
            await services.Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await attachments.DeleteNowAsync(services.Db, files);
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ThreadDto>, ProblemHttpResult>> ThreadAsync(
        Guid messageId, [AsParameters] RoomServices services, CancellationToken cancellationToken)
    {
        if (await services.FindMessageAsMemberAsync(messageId, cancellationToken) is not var (message, room, _))
        {
            return RoomProblems.MessageNotFound();
        }

        var replies = await services.Db.Messages.AsNoTracking()
            .Where(m => m.RoomId == room.Id && m.ReplyTo == message.Id)
            .OrderBy(m => m.Seq)
            .ToListAsync(cancellationToken);
        var shaped = await services.ShapeAsync(room, [message, .. replies], cancellationToken);
        return TypedResults.Ok(new ThreadDto(shaped[0], shaped.Skip(1).ToList()));
    }
}
