using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>NACK and RTX through the SFU with our own client stack over loopback: both legs, both directions.</summary>
[Collection(SfuCollection.Name)]
public sealed class LossRecoveryLoopbackTests(SfuFixture fixture)
{
    private const ushort FirstSequence = 1000;
    private const uint SubscriberSsrc = 0x5EED;

    private readonly SfuClients clients = new(fixture);

    [Fact]
    public async Task A_subscriber_that_nacks_gets_the_packets_again_as_rtx_on_the_announced_ssrc_once_per_round_trip()
    {
        using var call = await CallAsync(withRtx: true);
        var (alice, callId, publisher, subscriber) = call;
        var videoSsrc = call.VideoSsrc;
        var repairSsrc = RepairSsrcIn(subscriber.Answer!, videoSsrc);
        var received = Collect(subscriber);
        var sent = await SendAsync(publisher, videoSsrc, count: 40);
        await WaitUntilAsync(() => received.Count(p => Ssrc(p) == videoSsrc) == sent.Count);

        // One entry: PID 1005 with bits for 1006 and 1010; a second for 1030.
        subscriber.SendRtcp(NackCollector.Nack(SubscriberSsrc, videoSsrc, 1005, 1006, 1010, 1030));
        await WaitUntilAsync(() => received.Count(p => Ssrc(p) == repairSsrc) == 4);

        var repairs = received.Where(p => Ssrc(p) == repairSsrc).ToList();
        ushort[] nacked = [1005, 1006, 1010, 1030];
        for (var i = 0; i < repairs.Count; i++)
        {
            Assert.True(RtpHeader.TryParse(repairs[i], out var header));
            Assert.Equal(SdpOfferBuilder.Vp8RtxPayloadType, header.PayloadType);
            Assert.Equal((ushort)(SequenceOf(repairs[0]) + i), header.SequenceNumber);
            var osn = BinaryPrimitives.ReadUInt16BigEndian(repairs[i].AsSpan(header.PayloadOffset));
            Assert.Equal(nacked[i], osn);
            var original = sent[osn - FirstSequence];
            Assert.Equal(original[RtpHeader.FixedLength..], repairs[i][(header.PayloadOffset + RtxPacket.OsnLength)..]);
            Assert.Equal(original.AsSpan(4, 4).ToArray(), repairs[i].AsSpan(4, 4).ToArray()); // the original RTP timestamp
        }

        // The same NACK repeated at once is not answered again (no retransmission storm); after the interval it is.
        for (var i = 0; i < 5; i++)
        {
            subscriber.SendRtcp(NackCollector.Nack(SubscriberSsrc, videoSsrc, 1005));
        }

        await Task.Delay(150);
        Assert.Equal(4, received.Count(p => Ssrc(p) == repairSsrc));
        subscriber.SendRtcp(NackCollector.Nack(SubscriberSsrc, videoSsrc, 1005));
        await WaitUntilAsync(() => received.Count(p => Ssrc(p) == repairSsrc) == 5);

        var (track, subscription) = await RecoveryStatsAsync(alice, callId);
        Assert.Equal(10, track.GetProperty("nacksReceived").GetInt64());
        Assert.Equal(5, track.GetProperty("retransmitted").GetInt64());
        Assert.Equal(0, track.GetProperty("misses").GetInt64());
        Assert.Equal(10, subscription.GetProperty("nacks").GetInt64());
        Assert.Equal(5, subscription.GetProperty("retransmitted").GetInt64());
        Assert.Equal(5, subscription.GetProperty("suppressed").GetInt64());
    }

    [Fact]
    public async Task A_subscriber_without_rtx_that_lost_a_packet_gets_it_again_as_first_forwarded()
    {
        LossyRelay? relay = null;
        uint videoSsrc = 0;
        var lostOnce = 0;
        bool DropFirst1012(ReadOnlyMemory<byte> datagram, RelayDirection direction) =>
            direction == RelayDirection.ToClient && datagram.Length > 12 && datagram.Span[0] is >= 128 and <= 191 && datagram.Span[1] is < 192 or > 223
            && BinaryPrimitives.ReadUInt32BigEndian(datagram.Span[8..]) == videoSsrc && BinaryPrimitives.ReadUInt16BigEndian(datagram.Span[2..]) == 1012
            && Interlocked.Exchange(ref lostOnce, 1) == 0;

        using var call = await CallAsync(withRtx: false, publishing => videoSsrc = publishing.SsrcOf("1"), sdp =>
        {
            relay = LossyRelay.InFrontOf(sdp, DropFirst1012);
            return relay.Redirect(sdp);
        });
        using var _ = relay;
        var (_, _, publisher, subscriber) = call;
        Assert.DoesNotContain(subscriber.Answer!.Media[1].SsrcGroups, g => g.Semantics == "FID");
        var received = Collect(subscriber);
        var sent = await SendAsync(publisher, videoSsrc, count: 20);
        await WaitUntilAsync(() => received.Count == sent.Count - 1);
        Assert.DoesNotContain(received, p => SequenceOf(p) == 1012);

        subscriber.SendRtcp(NackCollector.Nack(SubscriberSsrc, videoSsrc, 1012));
        await WaitUntilAsync(() => received.Count == sent.Count);

        Assert.Equal(sent[12], RtpStream.AsSent(received.Last()));
        Assert.Equal(0, subscriber.AuthenticationFailures);
    }

    [Fact]
    public async Task Packets_lost_on_the_way_in_are_nacked_to_the_publisher_and_its_rtx_reaches_the_subscriber_once()
    {
        using var call = await CallAsync(withRtx: true);
        var (alice, callId, publisher, subscriber) = call;
        var videoSsrc = call.VideoSsrc;
        var publisherRtxSsrc = publisher.Offer.Media[1].SsrcGroups.Single(g => g.Semantics == "FID").Ssrcs[1];
        var upstream = new NackCollector(publisher, videoSsrc);
        var received = Collect(subscriber);
        ushort[] withheld = [1010, 1011, 1030];

        var sent = await SendAsync(publisher, videoSsrc, count: 40, withheld);
        await WaitUntilAsync(() => received.Count == sent.Count - withheld.Length);
        await WaitUntilAsync(() => withheld.All(upstream.Lost.Contains));
        Assert.Empty(upstream.Lost.Except(withheld));

        ushort rtxSequence = 7;
        foreach (var sequence in withheld.Append(withheld[0]))
        {
            publisher.SendRtp(RtxOf(sent[sequence - FirstSequence], publisherRtxSsrc, rtxSequence++));
        }

        await WaitUntilAsync(() => received.Count == sent.Count);
        await Task.Delay(100);
        Assert.Equal(sent.Count, received.Count);
        foreach (var sequence in withheld)
        {
            var repaired = Assert.Single(received, p => SequenceOf(p) == sequence);
            Assert.Equal(sent[sequence - FirstSequence], RtpStream.AsSent(repaired));
        }

        var (track, _) = await RecoveryStatsAsync(alice, callId);
        Assert.Equal(3, track.GetProperty("repaired").GetInt64());
        Assert.Equal(1, track.GetProperty("discarded").GetInt64());
        Assert.InRange(track.GetProperty("upstreamNacks").GetInt64(), 3, 9);
    }

    /// <summary>Alice publishes audio and video, Bob receives them (over <paramref name="subscriberAnswer"/>'s changes, when given).</summary>
    private async Task<TwoParty> CallAsync(
        bool withRtx, Action<ClientPeer>? published = null, Func<string, string>? subscriberAnswer = null)
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var callId = await clients.CallAsync(alice, await fixture.Messaging.CreateGroupAsync(alice, bob));
        var publisher = await clients.JoinAsync(alice, callId, SfuClients.Publishing);
        published?.Invoke(publisher);
        var subscriber = await clients.JoinAsync(bob, callId, SfuClients.Receiving, withRtx ? null : WithoutRtx, subscriberAnswer);
        await clients.WaitConnectedAsync(alice, callId, participants: 2);
        return new TwoParty(alice, callId, publisher, subscriber);
    }

    private static void WithoutRtx(SessionDescription offer)
    {
        foreach (var media in offer.Media)
        {
            media.Codecs.RemoveAll(c => c.Is("rtx"));
            media.Formats.RemoveAll(f => f == SdpOfferBuilder.Vp8RtxPayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Sends VP8-typed packets numbered from <see cref="FirstSequence"/>, except <paramref name="withheld"/> (lost before the SFU); returns all of them.</summary>
    private static async Task<List<byte[]>> SendAsync(ClientPeer publisher, uint ssrc, int count, ushort[]? withheld = null)
    {
        var packets = new List<byte[]>();
        for (var i = 0; i < count; i++)
        {
            var sequence = (ushort)(FirstSequence + i);
            var packet = new byte[RtpHeader.FixedLength + 600];
            RtpPacketWriter.WriteFixedHeader(packet, SdpOfferBuilder.Vp8PayloadType, sequence, (uint)(3000 * i), ssrc);
            Random.Shared.NextBytes(packet.AsSpan(RtpHeader.FixedLength));
            packets.Add(packet);
            if (withheld?.Contains(sequence) != true)
            {
                publisher.SendRtp(packet);
            }

            await Task.Delay(2);
        }

        return packets;
    }

    private static byte[] RtxOf(byte[] original, uint rtxSsrc, ushort rtxSequence)
    {
        Assert.True(RtpHeader.TryParse(original, out var header));
        var rtx = new byte[original.Length + RtxPacket.OsnLength];
        RtxPacket.Wrap(original, header, rtx, rtxSsrc, SdpOfferBuilder.Vp8RtxPayloadType, rtxSequence);
        return rtx;
    }

    private static uint RepairSsrcIn(SessionDescription answer, uint mediaSsrc)
    {
        var group = Assert.Single(answer.Media[1].SsrcGroups, g => g.Semantics == "FID");
        Assert.Equal(mediaSsrc, group.Ssrcs[0]);
        Assert.Contains(answer.Media[1].Ssrcs, s => s.Ssrc == group.Ssrcs[1] && s.Attribute == "msid");
        return group.Ssrcs[1];
    }

    private static ConcurrentQueue<byte[]> Collect(ClientPeer receiver)
    {
        var received = new ConcurrentQueue<byte[]>();
        receiver.RtpReceived += packet => received.Enqueue(packet.ToArray());
        return received;
    }

    private static uint Ssrc(byte[] packet) => BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8));

    private static ushort SequenceOf(byte[] packet) => BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2));

    /// <summary>The publisher's video track's and the subscriber's video subscription's recovery numbers from GET /api/calls/{id}/stats.</summary>
    private async Task<(JsonElement Track, JsonElement Subscription)> RecoveryStatsAsync(TestUser user, Guid callId)
    {
        using var http = fixture.Sfu.CreateClient();
        using var response = await http.SendAsync(user.Request(HttpMethod.Get, $"/api/calls/{callId}/stats"));
        var participants = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("participants").EnumerateArray().ToList();
        var track = participants.SelectMany(p => p.GetProperty("published").EnumerateArray()).Single(t => t.GetProperty("kind").GetString() == "video");
        var subscription = participants.SelectMany(p => p.GetProperty("received").EnumerateArray()).Single(t => t.GetProperty("kind").GetString() == "video");
        return (track.GetProperty("recovery"), subscription.GetProperty("recovery"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(condition))] string what = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within 5 s: {what}");
            await Task.Delay(10);
        }
    }

    private sealed record TwoParty(TestUser Alice, Guid CallId, ClientPeer Publisher, ClientPeer Subscriber) : IDisposable
    {
        public uint VideoSsrc => Publisher.SsrcOf("1");

        public void Dispose()
        {
            Publisher.Dispose();
            Subscriber.Dispose();
        }
    }
}
