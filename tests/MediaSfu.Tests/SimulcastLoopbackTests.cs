using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Collections.Concurrent;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// Simulcast through the SFU with our own client stack on loopback: layers bound by rid, one layer per subscriber under
/// one SSRC with continuous numbering across switches, key frames requested for the target layer, REMB to the publisher.
/// </summary>
[Collection(SfuCollection.Name)]
public sealed class SimulcastLoopbackTests(SfuFixture fixture)
{
    private readonly SfuClients clients = new(fixture);

    [Fact]
    public async Task A_subscriber_switches_layers_on_key_frames_and_sees_one_continuous_stream()
    {
        using var call = await StartAsync();
        var (alice, bob, callId, _, publisher, _, received, _) = call;
        using var sending = new CancellationTokenSource();
        var frames = SendFramesAsync(publisher, sending.Token);
        var (bobParticipant, aliceParticipant) = await ParticipantsAsync(bob, callId, bob.Id, alice.Id);

        await WaitForLayerAsync(received, 2);
        await SetMaxHeightAsync(bob, callId, bobParticipant, 180);
        await WaitForLayerAsync(received, 0);
        await SetMaxHeightAsync(bob, callId, bobParticipant, 360, aliceParticipant);
        await WaitForLayerAsync(received, 1);
        await SetMaxHeightAsync(bob, callId, bobParticipant, 0);
        await clients.WaitForVideoPausedAsync(bob, callId, bobParticipant, aliceParticipant);
        var pausedAt = received.Count;
        await FramesSentAsync(publisher, publisher.FramesSent + 15); // another half second of frames on every layer
        Assert.Equal(pausedAt, received.Count);
        await WaitForAsync(() => NamesEveryLayer(publisher), "no REMB named all three layers");
        await sending.CancelAsync();
        await frames;

        var packets = received.ToList();
        Assert.Single(packets.Select(p => p.Ssrc).Distinct());
        for (var i = 1; i < packets.Count; i++)
        {
            Assert.Equal(unchecked((ushort)(packets[i - 1].Sequence + 1)), packets[i].Sequence);
            Assert.True(unchecked((int)(packets[i].Timestamp - packets[i - 1].Timestamp)) > 0, $"timestamp went back at packet {i}");
        }

        // The first packets may be the lowest layer's: the SFU forwards what flows before the top layer has been seen.
        Assert.Equal([2, 0, 1], packets.SkipWhile(p => p.Layer != 2).Select(p => p.Layer).Distinct());
        lock (publisher.Rembs)
        {
            Assert.NotEmpty(publisher.Rembs);
            Assert.True(publisher.Rembs[0].Bitrate >= 2_000_000, $"the first REMB ({publisher.Rembs[0].Bitrate} bit/s) should let a browser start all layers");
        }
    }

    [Fact]
    public async Task A_simulcast_subscriber_that_nacks_after_a_switch_gets_the_layer_packet_again_as_it_first_received_it()
    {
        using var call = await StartAsync();
        var (alice, bob, callId, _, publisher, subscriber, received, packets) = call;
        var repair = Assert.Single(subscriber.Answer!.Media[1].SsrcGroups, g => g.Semantics == "FID");
        var (forwardedSsrc, repairSsrc) = (repair.Ssrcs[0], repair.Ssrcs[1]);
        using var sending = new CancellationTokenSource();
        var frames = SendFramesAsync(publisher, sending.Token);
        var (bobParticipant, _) = await ParticipantsAsync(bob, callId, bob.Id, alice.Id);

        // After a switch from the top layer to the lowest, the subscriber's numbers are no longer the layer's own.
        await WaitForLayerAsync(received, 2);
        await SetMaxHeightAsync(bob, callId, bobParticipant, 180);
        await WaitForLayerAsync(received, 0);
        await WaitForAsync(() => received.Count(p => p.Layer == 0) >= 3, "three packets of the lowest layer never arrived");
        await sending.CancelAsync();
        await frames;
        var nacked = packets.Where(p => Header(p) is { PayloadType: WebRtc.Sdp.SdpOfferBuilder.Vp8PayloadType } && SimulcastSender.LayerOf(p) == 0).Skip(2).First();
        var original = Header(nacked);
        Assert.Equal(forwardedSsrc, original.Ssrc);
        Assert.InRange(original.SequenceNumber, 3000, 3999); // continuing layer 2's numbers (the q layer sends 1000 on)

        subscriber.SendRtcp(NackCollector.Nack(0x5EED, forwardedSsrc, original.SequenceNumber));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        byte[]? resent;
        while ((resent = packets.FirstOrDefault(p => Header(p).Ssrc == repairSsrc)) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the NACKed packet never came back");
            await Task.Delay(10);
        }

        var rtx = Header(resent);
        Assert.Equal(WebRtc.Sdp.SdpOfferBuilder.Vp8RtxPayloadType, rtx.PayloadType);
        Assert.Equal(original.SequenceNumber, BinaryPrimitives.ReadUInt16BigEndian(resent.AsSpan(rtx.PayloadOffset)));
        Assert.Equal(original.Timestamp, rtx.Timestamp);
        Assert.Equal(original.GetPayload(nacked).ToArray(), rtx.GetPayload(resent)[RtxPacket.OsnLength..].ToArray());
    }

    /// <summary>Alice publishes simulcast video, Bob receives it; what Bob receives is collected (all of it, and the media's numbers and layers).</summary>
    private async Task<SimulcastCall> StartAsync()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var callId = await clients.CallAsync(alice, await fixture.Messaging.CreateGroupAsync(alice, bob));
        var publisherPeer = new ClientPeer(SfuClients.Publishing);
        var publisher = new SimulcastSender(publisherPeer);
        await clients.JoinAsync(alice, callId, publisherPeer);
        var subscriber = await clients.JoinAsync(bob, callId, SfuClients.Receiving);
        await clients.WaitConnectedAsync(alice, callId, participants: 2);
        var call = new SimulcastCall(alice, bob, callId, publisherPeer, publisher, subscriber, new(), new());
        subscriber.RtpReceived += packet =>
        {
            call.Packets.Enqueue(packet.ToArray());
            if (RtpHeader.TryParse(packet, out var header) && header.PayloadType == WebRtc.Sdp.SdpOfferBuilder.Vp8PayloadType)
            {
                call.Received.Enqueue((header.Ssrc, header.SequenceNumber, header.Timestamp, SimulcastSender.LayerOf(packet)));
            }
        };
        return call;
    }

    private static async Task SendFramesAsync(SimulcastSender publisher, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            publisher.SendFrame();
            await Task.Delay(30, CancellationToken.None);
        }
    }

    /// <summary>Whether a REMB has named every simulcast layer (the first ones, sent before video flows, name only what is known then).</summary>
    private static bool NamesEveryLayer(SimulcastSender publisher)
    {
        lock (publisher.Rembs)
        {
            return publisher.Rembs.Any(remb => publisher.Ssrcs.All(remb.Ssrcs.Contains));
        }
    }

    private static Task FramesSentAsync(SimulcastSender publisher, int frames) =>
        WaitForAsync(() => publisher.FramesSent >= frames, $"the publisher did not get to {frames} frames");

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }

    private static Task WaitForLayerAsync(ConcurrentQueue<(uint Ssrc, ushort Sequence, uint Timestamp, int Layer)> received, int layer) =>
        WaitForAsync(() => !received.IsEmpty && received.LastOrDefault().Layer == layer, $"layer {layer} never arrived");

    private async Task SetMaxHeightAsync(TestUser user, Guid callId, Guid participantId, int maxHeight, Guid? publisherParticipantId = null)
    {
        using var http = fixture.Sfu.CreateClient();
        using var response = await http.SendAsync(user.Request(HttpMethod.Put, $"/api/calls/{callId}/participants/{participantId}/video", JsonContent.Create(new { maxHeight, publisherParticipantId })));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static RtpHeader Header(byte[] packet) => RtpHeader.TryParse(packet, out var header) ? header : default;

    private async Task<(Guid First, Guid Second)> ParticipantsAsync(TestUser viewer, Guid callId, Guid firstUser, Guid secondUser)
    {
        using var http = fixture.Sfu.CreateClient();
        using var response = await http.SendAsync(viewer.Request(HttpMethod.Get, $"/api/calls/{callId}"));
        var participants = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("participants").EnumerateArray().ToList();
        Guid Of(Guid user) => participants.Single(p => p.GetProperty("userId").GetGuid() == user).GetProperty("participantId").GetGuid();
        return (Of(firstUser), Of(secondUser));
    }

    private sealed record SimulcastCall(
        TestUser Alice, TestUser Bob, Guid CallId, ClientPeer PublisherPeer, SimulcastSender Publisher, ClientPeer Subscriber,
        ConcurrentQueue<(uint Ssrc, ushort Sequence, uint Timestamp, int Layer)> Received, ConcurrentQueue<byte[]> Packets) : IDisposable
    {
        public void Dispose()
        {
            PublisherPeer.Dispose();
            Subscriber.Dispose();
        }
    }
}
