using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Contracts;

namespace WebRtcChat.Identity.Tests;

/// <summary>Stats kept from MessageSent and CallEnded published on the real bus, each message counted once.</summary>
[Collection(IdentityCollection.Name)]
public sealed class StatsTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Messages_and_calls_from_the_bus_show_in_the_stats_once_per_event()
    {
        using var http = fixture.Host.CreateClient();
        var alice = await SocialClient.RegisterAsync(http);
        var bob = await SocialClient.RegisterAsync(http);
        Assert.Equal("0,0,0,0", await StatsAsync(alice, alice.Id));

        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;
        var room = Guid.CreateVersion7();
        var duplicate = Guid.CreateVersion7();
        var message = Sent(alice.Id, room, 2, now);
        await bus.Publish(Sent(alice.Id, room, 0, now));
        await bus.Publish(message, context => context.MessageId = duplicate);
        await bus.Publish(new CallEnded(Guid.CreateVersion7(), [alice.Id], 0, now, CallOutcomes.Missed, CallKinds.Direct, 1));
        await bus.Publish(new CallEnded(Guid.CreateVersion7(), [alice.Id, bob.Id], 95, now));
        await bus.Publish(new CallEnded(Guid.CreateVersion7(), [alice.Id], 5, now));

        // totalCalls, totalCallDuration, messagesCount, filesShared
        await EventuallyAsync(async () => await StatsAsync(alice, alice.Id) == "2,100,2,2");
        await EventuallyAsync(async () => await StatsAsync(alice, bob.Id) == "1,95,0,0");

        // A redelivery of an already handled message changes nothing; bob's new message shows it has been through the queue.
        await bus.Publish(message, context => context.MessageId = duplicate);
        await bus.Publish(Sent(bob.Id, room, 0, now));
        await EventuallyAsync(async () => await StatsAsync(alice, bob.Id) == "1,95,1,0");
        await Task.Delay(500);
        Assert.Equal("2,100,2,2", await StatsAsync(alice, alice.Id));
        using var me = await new AuthClient(http).MeAsync(alice.Token);
        var stats = (await AuthClient.BodyAsync(me)).GetProperty("stats");
        Assert.Equal(2, stats.GetProperty("messagesCount").GetInt64());
        Assert.Equal(100, stats.GetProperty("totalCallDuration").GetInt64());
    }

    private static async Task<string> StatsAsync(SocialClient viewer, Guid userId)
    {
        using var response = await viewer.GetUserAsync(userId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = (await AuthClient.BodyAsync(response)).GetProperty("stats");
        return string.Join(',', new[] { "totalCalls", "totalCallDuration", "messagesCount", "filesShared" }.Select(p => stats.GetProperty(p).GetInt64()));
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The stats did not reach the expected values within 20 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>A message as Messaging publishes it; Identity's stats read only the sender and the attachment count.</summary>
    private static MessageSent Sent(Guid senderId, Guid roomId, int attachmentCount, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), roomId, Seq: 1, senderId, Type: "text", Content: "hi", Encrypted: false, ReplyTo: null, Mentions: [], attachmentCount, MemberIds: [senderId], at);
}
