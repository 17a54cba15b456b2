using MassTransit;
using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Calls;

/// <summary>
/// Tells the participants of an SFU group call (MediaSfu's <see cref="CallEnded"/>) that it is over, with the reason: a
/// call whose node was lost is rejoined by the web client. Mesh and direct calls end through <see cref="CallAnnouncer"/>.
/// </summary>
public sealed class SfuCallEndedPusher(IHubContext<ChatHub> hub) : IConsumer<CallEnded>
{
    public Task Consume(ConsumeContext<CallEnded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ended = context.Message;
        if (ended.Kind != CallKinds.Sfu)
        {
            return Task.CompletedTask;
        }

        return hub.Clients.Users([.. ended.ParticipantIds.Select(id => id.ToString())])
            .SendAsync(CallEventNames.CallEnded, new CallFinished(ended.CallId, ended.Outcome, ended.DurationSeconds, ended.Reason), context.CancellationToken);
    }
}
