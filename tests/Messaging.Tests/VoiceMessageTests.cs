using System.Net;
using static WebRtcChat.Messaging.Tests.ChatClient;

namespace WebRtcChat.Messaging.Tests;

/// <summary>Voice messages: real Opus recordings made by ffmpeg, measured server-side; anything else is refused with nothing stored.</summary>
[Collection(MessagingCollection.Name)]
public sealed class VoiceMessageTests(MessagingFixture fixture)
{
    [Fact]
    public async Task An_ogg_opus_recording_becomes_a_voice_message_with_its_duration_bitrate_and_the_exact_bytes_behind_its_url()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Voice");
        var audio = await MediaFiles.ToneAsync(3.2, "-c:a", "libopus", "-b:a", "32k", "-f", "ogg");

        using var response = await alice.SendVoiceAsync(roomId, audio, "voice.ogg");

        var message = await BodyAsync(response, HttpStatusCode.Created);
        Assert.Equal("voice", message.GetProperty("messageType").GetString());
        var voice = message.GetProperty("voiceMessage");
        Assert.InRange(voice.GetProperty("duration").GetDouble(), 3.1, 3.3);
        Assert.Equal("audio/ogg", voice.GetProperty("mimeType").GetString());
        Assert.Equal("opus", voice.GetProperty("codec").GetString());
        Assert.InRange(voice.GetProperty("bitrate").GetInt32(), 20_000, 60_000);
        Assert.Equal(audio.Length, voice.GetProperty("size").GetInt64());
        Assert.Empty(message.GetProperty("attachments").EnumerateArray());
        using (var download = await alice.DownloadAsync(voice.GetProperty("url").GetString()!))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(audio, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("audio/ogg", download.Content.Headers.ContentType?.MediaType);
        }

        var sent = Assert.Single(await OutboxEvents.BodiesAsync(fixture.Database, "MessageSent", "roomId", roomId));
        Assert.Equal("voice", sent.GetProperty("type").GetString());
        Assert.Equal(1, sent.GetProperty("attachmentCount").GetInt32());
    }

    [Fact]
    public async Task A_webm_recording_streamed_without_a_duration_header_is_measured_from_its_packets()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Voice");

        // Written to a pipe, like a browser's MediaRecorder: no duration in the header, no cues.
        var audio = await MediaFiles.ToneAsync(2.5, "-c:a", "libopus", "-f", "webm");
        using var response = await alice.SendVoiceAsync(roomId, audio, "recording.webm");

        var voice = (await BodyAsync(response, HttpStatusCode.Created)).GetProperty("voiceMessage");
        Assert.InRange(voice.GetProperty("duration").GetDouble(), 2.4, 2.6);
        Assert.Equal("audio/webm", voice.GetProperty("mimeType").GetString());
        Assert.True(voice.GetProperty("bitrate").GetInt32() > 0);
    }

    [Fact]
    public Task A_text_file_named_like_audio_is_refused_and_nothing_is_stored() =>
        AssertAudioRefusedAsync("this is not audio, just text\n"u8.ToArray(), "WebM/Opus");

    [Fact]
    public async Task A_recording_over_five_minutes_is_refused() =>
        await AssertAudioRefusedAsync(await MediaFiles.ToneAsync(301, "-c:a", "libopus", "-b:a", "6k", "-f", "ogg"), "5 minutes");

    [Fact]
    public async Task A_recording_with_video_is_refused() =>
        await AssertAudioRefusedAsync(await MediaFiles.WebmVideoAsync(160, 120), "no video");

    [Fact]
    public async Task A_recording_over_ten_megabytes_is_refused_with_413()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Voice");

        using var response = await alice.SendVoiceAsync(roomId, new byte[(10 * 1024 * 1024) + 1], "huge.ogg");

        var problem = await BodyAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.EndsWith("too-large", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        await fixture.AssertNothingStoredAsync(alice, roomId);
    }

    [Fact]
    public async Task A_voice_message_without_a_room_names_the_field()
    {
        var alice = await fixture.RegisterAsync();
        var audio = await MediaFiles.ToneAsync(1, "-c:a", "libopus", "-f", "ogg");

        using var response = await alice.SendVoiceAsync(Guid.Empty, audio, "voice.ogg");

        await AssertFieldErrorAsync(response, "roomId", "roomId");
    }

    private async Task AssertAudioRefusedAsync(byte[] audio, string mentioning)
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Voice");

        using var response = await alice.SendVoiceAsync(roomId, audio, "voice.ogg");

        await AssertFieldErrorAsync(response, "audio", mentioning);
        await fixture.AssertNothingStoredAsync(alice, roomId);
    }
}
