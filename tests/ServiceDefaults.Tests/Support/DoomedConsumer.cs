using MassTransit;

namespace WebRtcChat.ServiceDefaults.Tests.Support;

/// <summary>Always fails, so every message ends in the error queue after the retries.</summary>
public sealed class DoomedConsumer : IConsumer<Doomed>
{
    public Task Consume(ConsumeContext<Doomed> context) =>
        throw new InvalidOperationException($"Doomed {context.Message.Id} cannot be handled.");
}
