using System.Text.Json.Nodes;
using WebRtcChat.Bench.SfuLoad.Load;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.Bench.SfuLoad.Janus;

/// <summary>
/// Janus VideoRoom as a load target, driven over its HTTP API with our client stack: a call is a room; a publisher
/// joins with our offer and connects with Janus's answer; a subscriber joins with the feeds it wants, answers
/// Janus's offer, starts, and connects.
/// </summary>
public sealed class JanusTarget : ILoadTarget
{
    private const string VideoRoom = "janus.plugin.videoroom";
    private const int FirstRoom = 1_000;

    private readonly JanusProcess janus;
    private readonly JanusSession session;

    private JanusTarget(JanusProcess janus, JanusSession session)
    {
        this.janus = janus;
        this.session = session;
    }

    public string Name => "Janus VideoRoom";

    public int ProcessId => janus.Id;

    public static async Task<JanusTarget> StartAsync(TimeSpan startTimeout, int realtimePriority = 0)
    {
        var janus = await JanusProcess.StartAsync(startTimeout, realtimePriority);
        try
        {
            return new JanusTarget(janus, await JanusSession.CreateAsync(janus.Api));
        }
        catch
        {
            janus.Dispose();
            throw;
        }
    }

    public async Task<ILoadCall> OpenCallAsync(int index)
    {
        var room = FirstRoom + index;
        var handle = await session.AttachAsync(VideoRoom);
        await session.RequestAsync(handle, new JsonObject
        {
            ["request"] = "create",
            ["room"] = room,
            ["publishers"] = 100,
            ["bitrate"] = 0,
            ["fir_freq"] = 0,
            ["audiocodec"] = "opus",
            ["videocodec"] = "vp8",
            ["notify_joining"] = false,
        });
        return new Room(session, room);
    }

    public Task<ServerCounters?> CountersAsync() => Task.FromResult<ServerCounters?>(null);

    public async ValueTask DisposeAsync()
    {
        await session.DisposeAsync();
        janus.Dispose();
    }

    private sealed class Room(JanusSession session, int room) : ILoadCall
    {
        public async Task<ClientPeer> PublishAsync(int publisher, IReadOnlyList<OfferedTrack> tracks, Action<ClientPeer>? prepare = null)
        {
            var peer = new ClientPeer(tracks);
            prepare?.Invoke(peer);
            try
            {
                var handle = await session.AttachAsync(VideoRoom);
                var joined = await session.MessageAsync(handle,
                    new JsonObject { ["request"] = "joinandconfigure", ["ptype"] = "publisher", ["room"] = room, ["id"] = FeedId(publisher), ["audio"] = true, ["video"] = true },
                    Jsep("offer", peer.OfferText));
                await peer.ConnectAsync(SdpOf(joined)).WaitAsync(TimeSpan.FromSeconds(20));
                await WaitPublishingAsync(handle, FeedId(publisher));
                return peer;
            }
            catch
            {
                peer.Dispose();
                throw;
            }
        }

        public async Task<ClientPeer> SubscribeAsync(IReadOnlyList<int> publishers)
        {
            var handle = await session.AttachAsync(VideoRoom);
            var streams = new JsonArray([.. publishers.Select(p => (JsonNode)new JsonObject { ["feed"] = FeedId(p) })]);
            var attached = await session.MessageAsync(handle, new JsonObject { ["request"] = "join", ["ptype"] = "subscriber", ["room"] = room, ["streams"] = streams });
            var peer = ClientPeer.Answering(SdpOf(attached));
            try
            {
                await session.MessageAsync(handle, new JsonObject { ["request"] = "start" }, Jsep("answer", peer.OfferText));
                await peer.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(20));
                return peer;
            }
            catch
            {
                peer.Dispose();
                throw;
            }
        }

        /// <summary>Janus lists a feed (and lets subscribers join it) only once its PeerConnection is up on Janus's side too.</summary>
        private async Task WaitPublishingAsync(long handle, long feed)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                var listed = await session.RequestAsync(handle, new JsonObject { ["request"] = "listparticipants", ["room"] = room });
                if (listed.GetProperty("participants").EnumerateArray().Any(p => p.GetProperty("id").GetInt64() == feed && p.GetProperty("publisher").GetBoolean()))
                {
                    return;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Janus never listed feed {feed} as publishing.");
                }

                await Task.Delay(20);
            }
        }

        private static long FeedId(int publisher) => publisher + 1;

        private static JsonObject Jsep(string type, string sdp) => new() { ["type"] = type, ["sdp"] = sdp, ["trickle"] = false };

        private static string SdpOf(System.Text.Json.JsonElement janusEvent) =>
            janusEvent.TryGetProperty("jsep", out var jsep) ? jsep.GetProperty("sdp").GetString()! : throw new InvalidOperationException($"Janus sent no SDP: {janusEvent}");
    }
}
