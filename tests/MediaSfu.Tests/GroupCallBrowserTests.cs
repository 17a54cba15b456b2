using System.Text.Json;
using Microsoft.Playwright;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// Real browsers in a group call through our SFU: headless Chromium pages with fake camera and microphone join through
/// the gateway with the bundled web client; each must decode the others' video and play their audio.
/// </summary>
[Collection(SfuCollection.Name)]
public sealed class GroupCallBrowserTests(SfuFixture fixture)
{
    private static readonly TimeSpan MediaWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Three_browsers_see_and_hear_each_other_a_fourth_replaces_one_who_left_then_four_share_the_call()
    {
        var users = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await fixture.RegisterAsync());
        }

        var roomId = await fixture.Messaging.CreateGroupAsync(users[0], [.. users.Skip(1)]);
        await using var browser = await Browser.LaunchAsync();
        var pages = new List<(TestUser User, IPage Page, Guid ParticipantId)>();
        foreach (var user in users.Take(3))
        {
            pages.Add(await JoinAsync(browser, user, roomId));
        }

        await AssertEveryoneReceivesEveryoneAsync(pages);

        await pages[0].Page.EvaluateAsync("() => window.call.leave()");
        await pages[0].Page.CloseAsync();
        pages.RemoveAt(0);
        pages.Add(await JoinAsync(browser, users[3], roomId));

        await AssertEveryoneReceivesEveryoneAsync(pages);

        pages.Add(await JoinAsync(browser, users[0], roomId));

        await AssertEveryoneReceivesEveryoneAsync(pages);
    }

    private async Task<(TestUser, IPage, Guid)> JoinAsync(Browser browser, TestUser user, Guid roomId)
    {
        var (page, participantId) = await CallPage.JoinAsync(browser, fixture.Gateway, user, roomId);
        return (user, page, participantId);
    }

    /// <summary>Each page receives exactly the other pages' participants, and their frames decoded and audio samples grow.</summary>
    private static async Task AssertEveryoneReceivesEveryoneAsync(List<(TestUser User, IPage Page, Guid ParticipantId)> pages)
    {
        foreach (var (_, page, self) in pages)
        {
            var expected = pages.Select(p => p.ParticipantId).Where(id => id != self).Order().ToList();
            var first = await WaitForMediaAsync(page, expected, minimum: null);
            await WaitForMediaAsync(page, expected, minimum: first);
        }
    }

    /// <summary>Waits until the page receives media from exactly <paramref name="expected"/>, beyond <paramref name="minimum"/> when given.</summary>
    private static async Task<Dictionary<Guid, (long Frames, double Samples)>> WaitForMediaAsync(
        IPage page, List<Guid> expected, Dictionary<Guid, (long Frames, double Samples)>? minimum)
    {
        var deadline = DateTime.UtcNow + MediaWait;
        Dictionary<Guid, (long Frames, double Samples)> seen = [];
        while (DateTime.UtcNow < deadline)
        {
            seen = await ReceivingAsync(page);
            var sameParticipants = seen.Keys.Order().SequenceEqual(expected);
            var flowing = seen.Values.All(v => v.Frames > 0 && v.Samples > 0);
            var grown = minimum is null || seen.All(s => minimum.TryGetValue(s.Key, out var before) && s.Value.Frames > before.Frames && s.Value.Samples > before.Samples);
            if (sameParticipants && flowing && grown)
            {
                return seen;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"Media never flowed as expected: wanted {string.Join(", ", expected)}, saw {JsonSerializer.Serialize(seen.ToDictionary(s => s.Key.ToString(), s => $"{s.Value.Frames} frames, {s.Value.Samples} samples"))}.");
        return seen;
    }

    private static async Task<Dictionary<Guid, (long Frames, double Samples)>> ReceivingAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("() => window.call.receiving()");
        // Playwright marks serialized objects with "$id" (for references); the rest are participant ids.
        return json.EnumerateObject().Where(p => !p.Name.StartsWith('$')).ToDictionary(
            p => Guid.Parse(p.Name),
            p => (p.Value.GetProperty("framesDecoded").GetInt64(), p.Value.GetProperty("totalSamplesReceived").GetDouble()));
    }
}
