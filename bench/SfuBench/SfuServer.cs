using System.Globalization;
using Microsoft.Extensions.Options;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.Bench.Sfu;

/// <summary>
/// The SFU's media plane alone in its own process (no HTTP, Redis or bus: only what forwards packets), driven by the
/// load generator over stdin/stdout, so the CPU time and allocations measured are the forwarding's. Commands, one per
/// line: <c>join &lt;call&gt; &lt;offer, base64&gt;</c> answers <c>&lt;answer, base64&gt;</c>; <c>connected &lt;call&gt;</c> answers how many
/// peers have SRTP keys; <c>stats</c> answers the bytes allocated so far and the packets forwarded.
/// </summary>
internal static class SfuServer
{
    public static async Task RunAsync(TextReader input, TextWriter output)
    {
        var options = Options.Create(new SfuOptions { UdpBindAddress = "127.0.0.1", AdvertisedAddress = "127.0.0.1" });
        using var node = new SfuNode(options, TimeProvider.System);
        while (await input.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            var reply = parts switch
            {
                ["join", var call, var offer] => Join(node, Guid.Parse(call), Convert.FromBase64String(offer)),
                ["connected", var call] => node.FindCall(Guid.Parse(call))?.Peers.Count(p => p.IsConnected).ToString(CultureInfo.InvariantCulture) ?? "0",
                ["stats"] => string.Create(CultureInfo.InvariantCulture, $"{GC.GetTotalAllocatedBytes(precise: true)} {Forwarded(node)}"),
                _ => "error unknown command",
            };
            await output.WriteLineAsync(reply);
            await output.FlushAsync();
        }
    }

    private static string Join(SfuNode node, Guid callId, byte[] offerText)
    {
        if (!ParticipantOffer.TryParse(System.Text.Encoding.UTF8.GetString(offerText), out var offer, out var problem))
        {
            return "error " + problem;
        }

        var (peer, answer) = node.Admit(node.CallFor(callId), Guid.CreateVersion7(), Guid.NewGuid(), offer);
        _ = node.ConnectAsync(peer, offer);
        return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(answer));
    }

    private static long Forwarded(SfuNode node) => node.Calls.SelectMany(c => c.Peers).SelectMany(p => p.Receiving).Sum(s => s.Packets);
}
