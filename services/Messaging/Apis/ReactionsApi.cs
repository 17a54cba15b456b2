using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Messages;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Apis;

/// <summary>
/// Emoji reactions: POST puts the caller's reaction on, DELETE takes it off; each is a no-op when already so, and only a
/// real change publishes <see cref="ReactionChanged"/>. Answers with the message's reactions.
/// </summary>
public static class ReactionsApi
{
    public static RouteGroupBuilder MapReactions(this RouteGroupBuilder messages)
    {
        messages.MapPost("/{messageId:guid}/reactions/{emoji}", (Guid messageId, string emoji, [AsParameters] RoomServices services, CancellationToken ct) =>
            SetAsync(messageId, emoji, on: true, services, ct));
        messages.MapDelete("/{messageId:guid}/reactions/{emoji}", (Guid messageId, string emoji, [AsParameters] RoomServices services, CancellationToken ct) =>
            SetAsync(messageId, emoji, on: false, services, ct));
        return messages;
    }

    public static async Task<Results<Ok<IReadOnlyList<ReactionDto>>, ValidationProblem, ProblemHttpResult>> SetAsync(
        Guid messageId, string emoji, bool on, RoomServices services, CancellationToken cancellationToken)
    {
        if (!MessageRules.IsEmoji(emoji))
        {
            return TypedResults.ValidationProblem(RoomsApi.Errors("emoji", "The reaction must be a single emoji."));
        }

        if (await services.FindMessageAsMemberAsync(messageId, cancellationToken) is not var (message, room, caller))
        {
            return RoomProblems.MessageNotFound();
        }

        if (message.DeletedAt is not null)
        {
            return RoomProblems.MessageDeleted();
        }

        var db = services.Db;
        var now = services.Time.GetUtcNow();
        var existing = await db.Reactions.SingleOrDefaultAsync(r => r.MessageId == message.Id && r.UserId == caller.UserId && r.Emoji == emoji, cancellationToken);
        if (on == (existing is null))
        {
            if (on)
            {
                db.Reactions.Add(new Reaction { MessageId = message.Id, UserId = caller.UserId, Emoji = emoji, CreatedAt = now });
            }
            else
            {
                db.Reactions.Remove(existing!);
            }

            db.AddIntegrationEvent(new ReactionChanged(message.Id, room.Id, caller.UserId, emoji, on, room.MemberIds(), now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (on)
            {
                // The same reaction from a concurrent request got there first: the outcome asked for holds.
                db.ChangeTracker.Clear();
            }
        }

        return TypedResults.Ok((await services.ShapeAsync(room, message, cancellationToken)).Reactions);
    }
}
