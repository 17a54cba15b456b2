using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebRtcChat.Contracts;

using Xunit;

namespace WebRtcChat.Testing;

/// <summary>A consumer of the call events on the real bus (its own queues, like another service), recording what arrives.</summary>
public sealed class CallEventRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> received = new();
    private IHost? host;

    /// <summary><paramref name="name"/> names its queues (one copy of every event per recorder).</summary>
    public static async Task<CallEventRecorder> StartAsync(IReadOnlyDictionary<string, string> settings, string name)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var recorder = new CallEventRecorder();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = name });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSingleton(recorder);
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        builder.AddEventBus("eventbus", bus => bus.AddConsumer<Recorder>());
        recorder.host = builder.Build();
        await recorder.host.StartAsync();
        return recorder;
    }

    /// <summary>The <typeparamref name="T"/> events received so far that match.</summary>
    public List<T> Of<T>(Func<T, bool> match) => [.. received.OfType<T>().Where(match)];

    /// <summary>The first matching <typeparamref name="T"/>, waiting for it up to <paramref name="patience"/> (10 s by default).</summary>
    public async Task<T> FirstAsync<T>(Func<T, bool> match, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Of(match) is [var first, ..])
            {
                return first;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No matching {typeof(T).Name} event arrived.");
            await Task.Delay(20);
        }
    }

    /// <summary>Publishes <paramref name="message"/> on the bus, as the service that owns it would.</summary>
    public Task PublishAsync<T>(T message) where T : class =>
        host!.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Waits until a matching <typeparamref name="T"/> arrived, then a little longer so a duplicate would show too.</summary>
    public async Task<List<T>> SettledAsync<T>(Func<T, bool> match, int expected = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Of(match).Count < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {expected} {typeof(T).Name} events arrived.");
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        return Of(match);
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private sealed class Recorder(CallEventRecorder recorder) :
        IConsumer<CallStarted>, IConsumer<CallParticipantJoined>, IConsumer<CallParticipantLeft>, IConsumer<CallEnded>,
        IConsumer<CallDominantSpeakerChanged>, IConsumer<CallQualitySampled>, IConsumer<CallVideoQualityRequested>
    {
        public Task Consume(ConsumeContext<CallStarted> context) => Record(context.Message);

        public Task Consume(ConsumeContext<CallParticipantJoined> context) => Record(context.Message);

        public Task Consume(ConsumeContext<CallParticipantLeft> context) => Record(context.Message);

        public Task Consume(ConsumeContext<CallEnded> context) => Record(context.Message);

        public Task Consume(ConsumeContext<CallDominantSpeakerChanged> context) => Record(context.Message);

        public Task Consume(ConsumeContext<CallQualitySampled> context) => Record(context.Message);

        public Task Consume(ConsumeContext<CallVideoQualityRequested> context) => Record(context.Message);

        private Task Record(object message)
        {
            recorder.received.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
