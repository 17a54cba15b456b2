using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.Messaging.Messages;

namespace WebRtcChat.Messaging.Apis;

/// <summary>The readers of one message with their times, for rooms of any size (pages of large rooms carry only counts).</summary>
public static class ReadByApi
{
    public static RouteGroupBuilder MapReadBy(this RouteGroupBuilder messages)
    {
        messages.MapGet("/{messageId:guid}/read-by", ReadByAsync);
        return messages;
    }

    public static async Task<Results<Ok<MessageReadersDto>, ProblemHttpResult>> ReadByAsync(
        Guid messageId, [AsParameters] RoomServices services, CancellationToken cancellationToken)
    {
        if (await services.FindMessageAsMemberAsync(messageId, cancellationToken) is not var (message, room, _))
        {
            return RoomProblems.MessageNotFound();
        }

        var readBy = await MessageViews.ReadByAsync(services.Db, room, message, cancellationToken);
        return TypedResults.Ok(new MessageReadersDto(message.Id, readBy.Count, readBy));
    }
}
