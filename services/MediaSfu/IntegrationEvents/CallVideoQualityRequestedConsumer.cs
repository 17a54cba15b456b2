using MassTransit;
using WebRtcChat.Contracts;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.IntegrationEvents;

/// <summary>
/// The hub's request for a user's video quality in a call: every SFU node hears it (each has its own queue), and the
/// one hosting the call applies it to every connection of that user. Applying it twice sets the same height: idempotent.
/// </summary>
public sealed class CallVideoQualityRequestedConsumer(SfuNode node, VideoQualityControl control) : IConsumer<CallVideoQualityRequested>
{
    public Task Consume(ConsumeContext<CallVideoQualityRequested> context)
    {
        var request = context.Message;
        if (node.FindCall(request.CallId) is { } media && request.MaxHeight is >= 0 and <= VideoQualityControl.MaxHeightLimit)
        {
            control.Apply(media.Peers.Where(p => p.UserId == request.UserId), request.MaxHeight, publisherUserId: request.PublisherUserId);
        }

        return Task.CompletedTask;
    }
}
