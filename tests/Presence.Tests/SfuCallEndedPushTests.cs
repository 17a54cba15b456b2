using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Calls;

namespace WebRtcChat.Presence.Tests;

/// <summary>MediaSfu's CallEnded reaches the participants of the SFU call over the hub, with why it ended.</summary>
[Collection(PresenceCollection.Name)]
public sealed class SfuCallEndedPushTests(PresenceFixture fixture)
{
    [Fact]
    public async Task An_SFU_call_that_lost_its_node_tells_each_participant_so_on_either_instance()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[1], bob);
        var callId = Guid.CreateVersion7();

        // As MediaSfu's sweeper publishes it when the node hosting the call stopped answering.
        await fixture.InstanceServices[0].GetRequiredService<IBus>().Publish(
            new CallEnded(callId, [alice.Id, bob.Id], 42, DateTimeOffset.UtcNow, CallOutcomes.Failed, CallKinds.Sfu, 2, CallEndReasons.NodeLost));

        foreach (var device in new[] { aliceDevice, bobDevice })
        {
            var pushed = await device.NextAsync(CallEventNames.CallEnded);
            Assert.Equal(callId, pushed.GetProperty("callId").GetGuid());
            Assert.Equal(CallOutcomes.Failed, pushed.GetProperty("outcome").GetString());
            Assert.Equal(CallEndReasons.NodeLost, pushed.GetProperty("reason").GetString());
        }
    }
}
