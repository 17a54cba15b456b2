using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// The loops that visit every participant several times a second leave no garbage: on a busy node theirs was what
/// brought on the gen-0 collections, which stop the receive threads too.
/// </summary>
[Collection(SfuCollection.Name)]
public sealed class ControlLoopAllocationTests(SfuFixture fixture)
{
    private readonly SfuClients clients = new(fixture);

    [Fact]
    public async Task A_control_tick_and_a_round_of_rtcp_reports_allocate_nothing_while_media_flows()
    {
        using var call = await TwoPartyCall.StartAsync(fixture, clients, SfuClients.Publishing, SfuClients.Receiving);
        var stream = new RtpStream();
        stream.Collect(call.BobPeer);
        await stream.SendAsync(call.AlicePeer, call.AlicePeer.SsrcOf("1"), 100);
        await stream.WaitForAllAsync();

        var services = fixture.Sfu.Services;
        var node = services.GetRequiredService<SfuNode>();
        var time = services.GetRequiredService<TimeProvider>();
        var control = new MediaControlLoop(node, services.GetRequiredService<UplinkReporter>(), services.GetRequiredService<LayerPlanner>(), time);
        var reports = new RtcpReporter(node, time);
        Assert.Equal(2, node.FindCall(call.CallId)!.Peers.Count(peer => peer.IsConnected));
        control.Tick(periodic: true); // the first tick compiles the loops and creates the publisher's uplink estimate
        reports.Report();

        var before = GC.GetAllocatedBytesForCurrentThread();
        control.Tick(periodic: false);
        reports.Report();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
