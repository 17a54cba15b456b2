using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// Puts a <see cref="LossyRelay"/> between a browser page and the SFU: every answer the page fetches (join and
/// renegotiation) has its candidate rewritten to the relay, which forwards to the SFU's real port and back.
/// </summary>
public sealed partial class RelayedAnswers : IDisposable
{
    private readonly Func<ReadOnlyMemory<byte>, RelayDirection, bool> drop;
    private readonly Bottleneck? toClient;

    private RelayedAnswers(Func<ReadOnlyMemory<byte>, RelayDirection, bool> drop, Bottleneck? toClient) => (this.drop, this.toClient) = (drop, toClient);

    /// <summary>The relay, once the first answer named the SFU.</summary>
    public LossyRelay? Relay { get; private set; }

    /// <param name="toClient">The link what the SFU sends the page crosses; none when null.</param>
    public static async Task<RelayedAnswers> RouteAsync(IPage page, Func<ReadOnlyMemory<byte>, RelayDirection, bool> drop, Bottleneck? toClient = null)
    {
        var answers = new RelayedAnswers(drop, toClient);
        await page.RouteAsync(AnswerPaths(), answers.RewriteAsync);
        return answers;
    }

    public void Dispose() => Relay?.Dispose();

    private async Task RewriteAsync(IRoute route)
    {
        var response = await route.FetchAsync();
        var body = JsonNode.Parse(await response.TextAsync());
        if (response.Ok && body?["sdp"]?.GetValue<string>() is { } sdp)
        {
            Relay ??= LossyRelay.InFrontOf(sdp, drop, toClient);
            body["sdp"] = Relay.Redirect(sdp);
        }

        await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body?.ToJsonString() });
    }

    [GeneratedRegex("/api/calls/[^/]+/(join|participants/[^/]+/offer)$")]
    private static partial Regex AnswerPaths();
}
