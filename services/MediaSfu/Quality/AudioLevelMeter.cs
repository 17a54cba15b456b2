using WebRtcChat.MediaSfu.Media;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Quality;

/// <summary>
/// Collects the audio levels (RFC 6464, in -dBov: 0 loudest, 127 silence) a publisher puts on its audio packets, on the
/// receive loop and without allocating. The packet count and the sum of levels share one 64-bit word, so adding a
/// packet and taking the window (<see cref="TakeWindow"/>, by the dominant speaker tick) are each one atomic step.
/// </summary>
public sealed class AudioLevelMeter(int extensionId)
{
    private const int CountShift = 32;
    private const long SumMask = 0xFFFF_FFFF;

    private long window;

    /// <summary>The header extension id the publisher's SDP gave the audio level.</summary>
    public int ExtensionId { get; } = extensionId;

    /// <summary>A meter for a published audio section that negotiated the audio level; null for anything else.</summary>
    public static AudioLevelMeter? For(OfferedSection section) =>
        section is { Kind: MediaKind.Audio, AudioLevelExtensionId: > 0 } ? new AudioLevelMeter(section.AudioLevelExtensionId) : null;

    public void Observe(ReadOnlySpan<byte> packet, in RtpHeader header)
    {
        if (!header.HasExtension || !RtpExtensionReader.TryFind(packet, header, ExtensionId, out var element) || element.Length < RtpExtensionValues.AudioLevelLength)
        {
            return;
        }

        var (_, level) = RtpExtensionValues.ReadAudioLevel(element.ValueIn(packet));
        Interlocked.Add(ref window, (1L << CountShift) | level);
    }

    /// <summary>The packets that carried a level since the last call, and their mean level (-dBov); resets the window.</summary>
    public AudioLevelWindow TakeWindow()
    {
        var taken = Interlocked.Exchange(ref window, 0);
        var packets = (int)(taken >> CountShift);
        return new AudioLevelWindow(packets, packets == 0 ? AudioLevelWindow.Silence : (double)(taken & SumMask) / packets);
    }
}
