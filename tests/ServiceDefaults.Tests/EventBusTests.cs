using System.Globalization;
using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using WebRtcChat.ServiceDefaults.Tests.Support;
using WebRtcChat.Testing;

namespace WebRtcChat.ServiceDefaults.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class EventBusTests(TestInfrastructure infra)
{
    [Fact]
    public async Task A_redelivered_message_is_handled_once()
    {
        await using var pair = await EventBusPair.StartAsync(infra, "consumer-redelivery");
        var bus = pair.Producer.App.Services.GetRequiredService<IBus>();
        var messageId = Guid.CreateVersion7();
        var duplicated = new NoteAdded(Guid.CreateVersion7(), 1);

        for (var i = 0; i < 3; i++)
        {
            await bus.Publish(duplicated, context => context.MessageId = messageId);
        }

        await bus.Publish(new NoteAdded(Guid.CreateVersion7(), 2));

        await pair.WaitForReceivedAsync(2, seconds: 15);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var received = await pair.ReceivedAsync();
        Assert.Equal(2, received.Count);
        Assert.Single(received, id => id == duplicated.NoteId);
    }

    [Fact]
    public async Task A_message_that_always_fails_ends_in_the_error_queue_after_the_retries()
    {
        await using var host = await TestHost.StartAsync("failing", new Dictionary<string, string?>
        {
            ["eventbus"] = infra.EventBusConnectionString,
        }, builder => builder.AddEventBus("eventbus", bus => bus.AddConsumer<DoomedConsumer>()));
        await host.WaitForHealthAsync();
        var queue = host.App.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<DoomedConsumer>();
        Assert.Equal("failing-doomed", queue);

        var doomed = new Doomed(Guid.CreateVersion7());
        await host.App.Services.GetRequiredService<IBus>().Publish(doomed);

        var factory = new ConnectionFactory { Uri = new Uri(infra.EventBusConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        BasicGetResult? dead = null;
        await Eventually.TrueAsync(async () =>
        {
            // MassTransit declares the error queue with the first fault; until then basic.get closes the channel (404).
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                dead = await channel.BasicGetAsync($"{queue}_error", autoAck: true);
            }
            catch (OperationInterruptedException missing) when (missing.ShutdownReason?.ReplyCode == 404)
            {
                dead = null;
            }

            return dead is not null;
        }, TimeSpan.FromSeconds(20), "no message reached the error queue");

        Assert.Contains(doomed.Id.ToString(), Encoding.UTF8.GetString(dead!.Body.Span), StringComparison.OrdinalIgnoreCase);
        var headers = dead.BasicProperties.Headers!;
        Assert.Equal("System.InvalidOperationException", Encoding.UTF8.GetString((byte[])headers["MT-Fault-ExceptionType"]!));
        Assert.Equal(3, Convert.ToInt32(headers["MT-Fault-RetryCount"], CultureInfo.InvariantCulture));
    }
}
