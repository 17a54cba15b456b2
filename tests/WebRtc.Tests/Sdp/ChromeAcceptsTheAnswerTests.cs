using System.Text.Json;
using Microsoft.Playwright;
using WebRtcChat.Testing;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.WebRtc.Tests.Sdp;

/// <summary>Debian's Chromium judges the answer: setRemoteDescription must accept it and keep what we negotiated.</summary>
public sealed class ChromeAcceptsTheAnswerTests : IAsyncLifetime
{
    private const string CreateOffer = """
        async ({ transceivers, dataChannel }) => {
          const pc = new RTCPeerConnection();
          for (const t of transceivers) pc.addTransceiver(t.kind, t.init);
          if (dataChannel) pc.createDataChannel('chat');
          await pc.setLocalDescription(await pc.createOffer());
          window.pc = pc;
          return pc.localDescription.sdp;
        }
        """;

    private const string AcceptAnswer = """
        async sdp => {
          await window.pc.setRemoteDescription({ type: 'answer', sdp });
          return JSON.stringify({
            state: window.pc.signalingState,
            directions: window.pc.getTransceivers().map(t => t.currentDirection ?? 'none'),
            encodings: window.pc.getTransceivers().map(t => t.sender.getParameters().encodings.length),
            sctp: window.pc.sctp !== null,
          });
        }
        """;

    private Browser? browser;

    public async Task InitializeAsync() => browser = await Browser.LaunchAsync();

    public async Task DisposeAsync() => await browser!.DisposeAsync();

    [Fact]
    public async Task Chrome_accepts_the_answer_to_its_audio_and_video_offer()
    {
        var result = await NegotiateAsync(new { transceivers = new[] { Transceiver("audio", "sendrecv"), Transceiver("video", "sendrecv") }, dataChannel = false });

        Assert.Equal("stable", result.State);
        Assert.Equal(["sendrecv", "sendrecv"], result.Directions);
    }

    [Fact]
    public async Task Chrome_keeps_three_simulcast_layers_after_the_answer()
    {
        var layers = new[] { new { rid = "q", scaleResolutionDownBy = 4 }, new { rid = "h", scaleResolutionDownBy = 2 }, new { rid = "f", scaleResolutionDownBy = 1 } };
        var video = new { kind = "video", init = (object)new { direction = "sendonly", sendEncodings = layers } };

        var result = await NegotiateAsync(new { transceivers = new[] { Transceiver("audio", "sendonly"), video }, dataChannel = false });

        Assert.Equal(["sendonly", "sendonly"], result.Directions);
        Assert.Equal([1, 3], result.Encodings);
    }

    [Fact]
    public async Task Chrome_accepts_a_receive_only_offer_answered_send_only_and_a_rejected_data_channel()
    {
        var result = await NegotiateAsync(new { transceivers = new[] { Transceiver("audio", "recvonly"), Transceiver("video", "recvonly") }, dataChannel = true });

        Assert.Equal("stable", result.State);
        Assert.Equal(["recvonly", "recvonly"], result.Directions);
        Assert.False(result.Sctp);
    }

    private static object Transceiver(string kind, string direction) => new { kind, init = (object)new { direction } };

    private async Task<Negotiated> NegotiateAsync(object setup)
    {
        var page = await browser!.Chromium.NewPageAsync();
        var offer = await page.EvaluateAsync<string>(CreateOffer, setup);
        Assert.True(SdpParser.TryParse(offer, out var parsed, out var error), error);

        var answer = SdpWriter.Write(SfuAnswerBuilder.Build(parsed!, SfuAnswerBuilderTests.Server));

        string json;
        try
        {
            json = await page.EvaluateAsync<string>(AcceptAnswer, answer);
        }
        catch (PlaywrightException e)
        {
            Assert.Fail($"Chrome refused the answer: {e.Message}\n{answer}");
            throw;
        }

        return JsonSerializer.Deserialize<Negotiated>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record Negotiated(string State, string[] Directions, int[] Encodings, bool Sctp);
}
