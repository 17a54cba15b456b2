using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// Random and mutated STUN, DTLS, RTP and RTCP datagrams, from strangers and from a participant's own address, and
/// random SDP bodies, against the running SFU: nothing crashes, and a call in progress keeps every packet.
/// </summary>
[Collection(SfuCollection.Name)]
public sealed class FuzzTests(SfuFixture fixture)
{
    private const int DatagramsPerKind = 2_000;

    // Bursts fit the media port's receive buffer: an unpaced flood overflows the kernel's buffer and drops the call's packets
    // along with the garbage, on any server. Between bursts the test waits until the SFU has counted every datagram.
    private const int Burst = 200;

    private readonly SfuClients clients = new(fixture);
    private readonly Random random = new(11);

    [Fact]
    public async Task Garbage_datagrams_and_offers_are_dropped_while_a_call_keeps_flowing()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var callId = await clients.CallAsync(alice, await fixture.Messaging.CreateGroupAsync(alice, bob));
        using var publisher = await clients.JoinAsync(alice, callId, SfuClients.Publishing);
        using var subscriber = await clients.JoinAsync(bob, callId, SfuClients.Receiving);
        await clients.WaitConnectedAsync(alice, callId, participants: 2);
        var node = fixture.Sfu.Services.GetRequiredService<SfuNode>();
        var strangersBefore = node.Ice.Counters.StrangerDatagrams;
        var stream = new RtpStream();
        stream.Collect(subscriber);

        var sending = stream.SendAsync(publisher, publisher.SsrcOf("1"), 500);
        using (var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            var target = new IPEndPoint(IPAddress.Loopback, node.Ice.LocalEndPoint.Port);
            foreach (var first in FirstBytes())
            {
                for (var sent = 0; sent < DatagramsPerKind; sent += Burst)
                {
                    var countedBefore = DroppedByIce(node);
                    for (var i = 0; i < Burst; i++)
                    {
                        stranger.SendTo(Datagram(first), target);
                        publisher.SendRaw(Datagram(first));
                    }

                    // STUN garbage is dropped by ICE whoever sends it; DTLS and RTP garbage only from strangers.
                    await WaitDroppedByIceAsync(node, countedBefore + (first <= 3 ? 2 * Burst : Burst));
                }
            }
        }

        await sending;
        await stream.WaitForAllAsync();

        Assert.Equal(stream.Sent.Count, stream.Received.Count);
        Assert.True(node.Ice.Counters.StrangerDatagrams - strangersBefore >= DatagramsPerKind * 2, "DTLS and RTP from an unknown address are dropped and counted");
        var alicePeer = Assert.Single(node.FindCall(callId)!.Peers, p => p.UserId == alice.Id);
        Assert.True(alicePeer.Counters.SrtpFailures >= DatagramsPerKind, "forged RTP/RTCP from a participant's address fails authentication and is counted");
        await AssertGarbageOffersAreRefusedAsync(alice, callId);
        using var health = await fixture.Sfu.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static long DroppedByIce(SfuNode node)
    {
        var counters = node.Ice.Counters;
        return counters.StrangerDatagrams + counters.MalformedStun + counters.RejectedBindingRequests + counters.UnclassifiedDatagrams;
    }

    private static async Task WaitDroppedByIceAsync(SfuNode node, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DroppedByIce(node) < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the SFU accounted for {DroppedByIce(node)} of {expected} garbage datagrams");
            await Task.Delay(1);
        }
    }

    private async Task AssertGarbageOffersAreRefusedAsync(TestUser user, Guid callId)
    {
        var real = new WebRtc.Client.ClientPeer(SfuClients.Publishing).OfferText;
        for (var i = 0; i < 200; i++)
        {
            var (status, _) = await clients.PostOfferAsync(user, callId, i % 2 == 0 ? Mutated(real) : RandomText());
            Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"a garbage offer got {(int)status}");
        }
    }

    // STUN (0-3), DTLS (20-63) and RTP/RTCP (128-191) first bytes, each range probed with random contents.
    private static IEnumerable<byte> FirstBytes() => [0, 1, 22, 23, 128, 144, 160, 191];

    private byte[] Datagram(byte first)
    {
        var datagram = new byte[random.Next(1, 1200)];
        random.NextBytes(datagram);
        datagram[0] = first;
        if (first >= 128 && datagram.Length > 2 && random.Next(2) == 0)
        {
            datagram[1] = (byte)random.Next(192, 224); // looks like RTCP
        }

        if (first <= 3 && datagram.Length >= 8)
        {
            BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(4), 0x2112A442); // STUN magic cookie
        }

        return datagram;
    }

    private string Mutated(string sdp)
    {
        var characters = sdp.ToCharArray();
        for (var i = 0; i < 20; i++)
        {
            characters[random.Next(characters.Length)] = (char)random.Next(32, 127);
        }

        return random.Next(3) == 0 ? new string(characters)[..random.Next(characters.Length)] : new string(characters);
    }

    private string RandomText() => new([.. Enumerable.Range(0, random.Next(1, 2_000)).Select(_ => (char)random.Next(9, 127))]);
}
