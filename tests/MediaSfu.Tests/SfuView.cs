using System.Diagnostics;
using System.Text.Json;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// What the SFU's stats say about one publisher and one subscriber of a call: printed by the browser tests so that a
/// failure shows the SFU's side (the layer forwarded, its loss, the subscriber's REMB and budget, the layers flowing).
/// </summary>
public sealed class SfuView(SfuFixture fixture, TestUser publisher, TestUser subscriber, Guid callId)
{
    /// <summary>The publisher's video as the SFU receives it: its layers and loss recovery.</summary>
    public async Task<JsonElement> PublishedVideoAsync() => PublishedVideo(Participant(await ParticipantsAsync(), publisher));

    /// <summary>The video the SFU forwards to the subscriber (its layer: rid, height, paused; its rate and loss) and the subscriber's downlink (REMB, budget).</summary>
    public async Task<(JsonElement Video, JsonElement Downlink)> ForwardedVideoAsync()
    {
        var receiving = Participant(await ParticipantsAsync(), subscriber);
        return (receiving.GetProperty("received").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "video"), receiving.GetProperty("downlink"));
    }

    /// <summary>What the SFU forwards to the subscriber now and what the publisher sends it, on one line.</summary>
    public async Task<string> LineAsync()
    {
        var participants = await ParticipantsAsync();
        var receiving = Participant(participants, subscriber);
        var received = receiving.GetProperty("received").EnumerateArray().Where(t => t.GetProperty("kind").GetString() == "video")
            .Select(t => $"{t.GetProperty("layer")} {t.GetProperty("bitrateKbps").GetDouble():0} kbps, lost {t.GetProperty("fractionLost").GetDouble():0.###}")
            .DefaultIfEmpty("no video received yet").Single();
        var layers = Participant(participants, publisher).GetProperty("published").EnumerateArray().Where(t => t.GetProperty("kind").GetString() == "video")
            .SelectMany(t => t.GetProperty("layers").EnumerateArray())
            .Select(l => $"{l.GetProperty("rid")}:{l.GetProperty("bitrateKbps").GetDouble():0}{(l.GetProperty("active").GetBoolean() ? string.Empty : " off")}");
        return $"{received}, {receiving.GetProperty("downlink")} | {string.Join(", ", layers)}";
    }

    /// <summary>Runs <paramref name="action"/> while taking a <see cref="LineAsync"/> every <paramref name="every"/>; returns its result and the lines, each with its time from the start.</summary>
    public async Task<(T Result, IReadOnlyList<string> Lines)> WhileAsync<T>(Func<Task<T>> action, TimeSpan every)
    {
        using var stop = new CancellationTokenSource();
        var lines = new List<string>();
        var clock = Stopwatch.StartNew();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                lines.Add($"{clock.ElapsedMilliseconds,6} ms: {await LineAsync()}");
                await Task.Delay(every, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        var result = await action();
        await stop.CancelAsync();
        await sampling;
        return (result, lines);
    }

    private static JsonElement Participant(IEnumerable<JsonElement> participants, TestUser user) =>
        participants.Single(p => p.GetProperty("userId").GetGuid() == user.Id);

    private static JsonElement PublishedVideo(JsonElement participant) =>
        participant.GetProperty("published").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "video");

    private async Task<IReadOnlyList<JsonElement>> ParticipantsAsync()
    {
        using var http = fixture.Sfu.CreateClient();
        using var response = await http.SendAsync(publisher.Request(HttpMethod.Get, $"/api/calls/{callId}/stats"));
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("participants").EnumerateArray()];
    }
}
