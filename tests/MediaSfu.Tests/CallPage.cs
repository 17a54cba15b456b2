using Microsoft.Playwright;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>A browser page in a group call through the bundled web client (gateway/wwwroot/js/group-call.js), with a fake camera of the given size.</summary>
public static class CallPage
{
    /// <summary>Opens a page, joins the room's call publishing fake audio and video; returns the page (its client is <c>window.call</c>) and its participant id.</summary>
    public static async Task<(IPage Page, Guid ParticipantId)> JoinAsync(Browser browser, Uri gateway, TestUser user, Guid roomId, int width = 320, int height = 240, int frameRate = 15)
    {
        var page = await browser.NewPageAsync(gateway);
        return (page, await JoinOnAsync(page, user, roomId, width, height, frameRate));
    }

    /// <summary>Joins the room's call from <paramref name="page"/>, already open at the gateway; returns its participant id.</summary>
    public static async Task<Guid> JoinOnAsync(IPage page, TestUser user, Guid roomId, int width = 320, int height = 240, int frameRate = 15)
    {
        var participantId = await page.EvaluateAsync<string>(
            """
            async ({ token, roomId, width, height, frameRate }) => {
              const { GroupCall } = await import('/js/group-call.js');
              const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width, height, frameRate } });
              window.call = await new GroupCall({ token, container: document.body, pollMilliseconds: 500 }).join(roomId, stream);
              return window.call.participantId;
            }
            """,
            new { token = user.AccessToken, roomId, width, height, frameRate });
        return Guid.Parse(participantId);
    }
}
