using WebRtcChat.MediaSfu.Quality;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// Sends Opus-typed packets every 20 ms from a client peer's audio section, each with the audio level extension
/// (RFC 6464) at <see cref="Level"/>, as a browser does; stops when disposed.
/// </summary>
public sealed class SpeakingClient : IAsyncDisposable
{
    public const byte Silent = 127;
    public const byte Loud = 25;

    private readonly ClientPeer peer;
    private readonly uint ssrc;
    private readonly int extensionId;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sending;
    private int level = Silent;

    public SpeakingClient(ClientPeer peer, string audioMid = "0")
    {
        this.peer = peer;
        ssrc = peer.SsrcOf(audioMid);
        extensionId = peer.Offer.Media.Single(m => m.Mid == audioMid).Extmaps.Single(e => e.Uri == AudioLevelExtension.Uri).Id;
        sending = SendAsync();
    }

    /// <summary>The level of the next packets, in -dBov (0 loudest, 127 silence).</summary>
    public byte Level
    {
        get => (byte)Volatile.Read(ref level);
        set => Volatile.Write(ref level, value);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sending;
        stop.Dispose();
    }

    private async Task SendAsync()
    {
        var packet = new byte[RtpHeader.FixedLength + 8 + 40];
        var value = new byte[RtpExtensionValues.AudioLevelLength];
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        for (ushort sequence = 0; await Tick(timer); sequence++)
        {
            var offset = RtpPacketWriter.WriteFixedHeader(packet, SdpOfferBuilder.OpusPayloadType, sequence, (uint)(960 * sequence), ssrc, hasExtension: true);
            var writer = new RtpExtensionWriter(packet.AsSpan(offset), twoByte: false);
            RtpExtensionValues.WriteAudioLevel(value, voice: Level < Silent, Level);
            writer.TryAdd(extensionId, value);
            offset += writer.Finish();
            peer.SendRtp(packet.AsSpan(0, offset + 40));
        }
    }

    private async Task<bool> Tick(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
