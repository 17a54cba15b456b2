using System.Buffers.Binary;
using System.Text.Json;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtcp;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>Our client stack and our SFU over loopback: DTLS, SRTP both ways, RTP forwarded byte for byte.</summary>
[Collection(SfuCollection.Name)]
public sealed class LoopbackForwardingTests(SfuFixture fixture)
{
    private readonly SfuClients clients = new(fixture);

    [Fact]
    public async Task A_publishers_packets_reach_a_subscriber_intact_and_its_keyframe_request_reaches_the_publisher()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var callId = await clients.CallAsync(alice, await fixture.Messaging.CreateGroupAsync(alice, bob));
        using var publisher = await clients.JoinAsync(alice, callId, SfuClients.Publishing);
        using var subscriber = await clients.JoinAsync(bob, callId, SfuClients.Receiving);
        await clients.WaitConnectedAsync(alice, callId, participants: 2);
        var stream = new RtpStream();
        stream.Collect(subscriber);
        var videoSsrc = publisher.SsrcOf("1");
        var keyframeRequests = 0;
        publisher.RtcpReceived += compound =>
        {
            var reader = new RtcpCompoundReader(compound);
            while (reader.TryRead(out var packet))
            {
                if (RtcpFeedback.TryParse(packet, out var feedback) && PictureLossIndication.Matches(feedback) && feedback.MediaSsrc == videoSsrc)
                {
                    Interlocked.Increment(ref keyframeRequests);
                }
            }
        };

        await stream.SendAsync(publisher, videoSsrc, 300);
        await stream.WaitForAllAsync();

        Assert.Equal(stream.Sent.Count, stream.Received.Count);
        foreach (var received in stream.Received)
        {
            var asSent = RtpStream.AsSent(received);
            var index = BinaryPrimitives.ReadInt32BigEndian(asSent.AsSpan(RtpHeader.FixedLength));
            Assert.Equal(stream.Sent[index], asSent);
        }

        Thread.Sleep(600); // the SFU asks a publisher for key frames at most every 500 ms
        var before = Volatile.Read(ref keyframeRequests);
        var pli = new byte[PictureLossIndication.Length];
        PictureLossIndication.Write(pli, senderSsrc: 0x5EED, videoSsrc);
        subscriber.SendRtcp(pli);
        await WaitUntilAsync(() => Volatile.Read(ref keyframeRequests) > before);
    }

    [Fact]
    public async Task A_participant_is_listed_in_the_call_only_once_its_tracks_can_be_received()
    {
        // A client adds receive slots for each participant the call lists; listed before its tracks exist, the slots
        // would be answered inactive and that participant never seen.
        var users = new List<TestUser>();
        for (var i = 0; i < 6; i++)
        {
            users.Add(await fixture.RegisterAsync());
        }

        var callId = await clients.CallAsync(users[0], await fixture.Messaging.CreateGroupAsync(users[0], [.. users.Skip(1)]));
        using var watching = new CancellationTokenSource();
        var watcher = ListedWithoutTracksAsync(users[0], callId, watching.Token);
        var peers = new List<ClientPeer>();
        foreach (var user in users)
        {
            peers.Add(await clients.JoinAsync(user, callId, SfuClients.Publishing));
        }

        await watching.CancelAsync();
        var (polls, trackless) = await watcher;
        peers.ForEach(p => p.Dispose());
        Assert.True(polls >= users.Count, $"only {polls} reads of the call while {users.Count} joined");
        Assert.Empty(trackless);
    }

    /// <summary>Reads the call as fast as it answers until cancelled; returns the reads and every participant ever listed without its two tracks.</summary>
    private async Task<(int Polls, HashSet<Guid> Trackless)> ListedWithoutTracksAsync(TestUser viewer, Guid callId, CancellationToken cancel)
    {
        using var http = fixture.Sfu.CreateClient();
        var (polls, trackless) = (0, new HashSet<Guid>());
        while (!cancel.IsCancellationRequested)
        {
            using var response = await http.SendAsync(viewer.Request(HttpMethod.Get, $"/api/calls/{callId}"), CancellationToken.None);
            var participants = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None)).RootElement.GetProperty("participants");
            foreach (var participant in participants.EnumerateArray().Where(p => p.GetProperty("tracks").GetArrayLength() < 2))
            {
                trackless.Add(participant.GetProperty("participantId").GetGuid());
            }

            polls++;
        }

        return (polls, trackless);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 5 s");
            await Task.Delay(20);
        }
    }
}
