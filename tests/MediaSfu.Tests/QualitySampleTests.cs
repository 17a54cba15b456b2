using System.Net.Http.Json;
using System.Text.Json;
using WebRtcChat.Contracts;
using WebRtcChat.MediaSfu.Quality;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>A flowing call's quality, published for Analytics every sample interval and shown in its stats.</summary>
[Collection(SfuCollection.Name)]
public sealed class QualitySampleTests(SfuFixture fixture)
{
    private const int FramesPerSecond = 30;
    private const int Frames = 120;

    private readonly SfuClients clients = new(fixture);

    [Fact]
    public async Task Participants_quality_is_sampled_at_the_interval_with_bitrate_packets_and_the_frames_sent()
    {
        using var call = await TwoPartyCall.StartAsync(fixture, clients, SfuClients.Publishing, SfuClients.Receiving);
        var (alice, bob, callId, publisher) = (call.Alice, call.Bob, call.CallId, call.AlicePeer);
        var videoSsrc = publisher.SsrcOf("1");
        var video = new VideoFrames(publisher, videoSsrc);

        await video.SendAsync(Frames, FramesPerSecond);
        var events = fixture.CallEvents;
        var final = await events.FirstAsync<CallQualitySampled>(e => e.CallId == callId && e.UserId == alice.Id && PublishedVideo(e).Frames == Frames);

        var published = PublishedVideo(final);
        Assert.Equal(("video", videoSsrc, (long)Frames * VideoFrames.PacketsPerFrame), (published.Kind, published.Ssrc, published.Packets));
        Assert.Equal(video.KeyframesSent, published.Keyframes);
        Assert.Equal((0, 0.0), (published.PacketsLost, published.FractionLost));

        var aliceSamples = events.Of<CallQualitySampled>(e => e.CallId == callId && e.UserId == alice.Id).OrderBy(e => e.OccurredAt).ToList();
        Assert.True(aliceSamples.Count >= 3, $"{aliceSamples.Count} samples of a 4 s stream at a 1 s interval");
        // On schedule they are an interval apart; a round the bus held up past the next tick shifts one sample late, and
        // the sampler then skips a tick that would come less than half an interval after it.
        foreach (var (previous, next) in aliceSamples.Zip(aliceSamples.Skip(1)))
        {
            Assert.InRange(next.OccurredAt - previous.OccurredAt, SfuFixture.QualitySampleInterval * 0.5, SfuFixture.QualitySampleInterval * 2);
        }

        // Rates cover the last second (as in the stats), so judge them where the stream flowed all that second. They are
        // the RTCP reporter's, between its last two samples on its own timer: a quality sample taken before the
        // reporter's second sample of the stream has no rate yet (0 frames/s, 0 kbps), so it is not judged.
        var flowing = aliceSamples.Select(PublishedVideo).Zip(aliceSamples.Skip(1).Select(PublishedVideo))
            .Where(pair => pair.First.Frames > 0 && pair.Second.Frames < Frames && pair.Second.FramesPerSecond > 0)
            .Select(pair => pair.Second).ToList();
        Assert.NotEmpty(flowing);
        // Both rates come from the same second, so their ratio is the frame's size however the sender was paced.
        var kilobitsPerFrame = VideoFrames.PacketsPerFrame * VideoFrames.PacketLength * 8 / 1000.0;
        Assert.All(flowing, t => Assert.InRange(t.BitrateKbps / t.FramesPerSecond!.Value, kilobitsPerFrame * 0.9, kilobitsPerFrame * 1.1));

        var received = await events.FirstAsync<CallQualitySampled>(e => e.CallId == callId && e.UserId == bob.Id && ReceivedVideo(e).Packets == published.Packets);
        Assert.Equal(videoSsrc, ReceivedVideo(received).Ssrc);
        Assert.Null(ReceivedVideo(received).Frames);

        var stats = await StatsAsync(alice, callId);
        var videoStats = stats.GetProperty("participants").EnumerateArray()
            .Single(p => p.GetProperty("userId").GetGuid() == alice.Id).GetProperty("published").EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "video");
        Assert.Equal(Frames, videoStats.GetProperty("frames").GetInt64());
        Assert.Equal(video.KeyframesSent, videoStats.GetProperty("keyframes").GetInt64());
        Assert.True(videoStats.TryGetProperty("framesPerSecond", out _));
    }

    private static TrackQuality PublishedVideo(CallQualitySampled sample) =>
        sample.Tracks.Single(t => t is { Kind: "video", Direction: QualitySamples.Published });

    private static TrackQuality ReceivedVideo(CallQualitySampled sample) =>
        sample.Tracks.SingleOrDefault(t => t is { Kind: "video", Direction: QualitySamples.Received }) ?? new TrackQuality("video", QualitySamples.Received, 0, 0, 0, 0, 0, 0, null, null, null, null);

    private async Task<JsonElement> StatsAsync(TestUser user, Guid callId)
    {
        using var http = fixture.Sfu.CreateClient();
        using var response = await http.SendAsync(user.Request(HttpMethod.Get, $"/api/calls/{callId}/stats"));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
