using System.Collections.Concurrent;
using System.IO.Hashing;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// When each packet sent during the measured window left its publisher, keyed by a fingerprint of its payload after the
/// first 4 bytes (the VP8 descriptor, whose picture id an SFU may rewrite): servers rewrite SSRC, sequence numbers and
/// timestamps, but forward the media bytes as they are, so a subscriber finds its packet's send time by the same key.
/// Publishers start the clip at different frames, so two of them never send the same bytes at the same moment; a
/// publisher sends the same bytes again one clip later, so a match older than <paramref name="maxAge"/> (less than a
/// clip) is another pass's send, not this packet's. Sends outside the window are logged too (marked so): a packet sent
/// just after the window must find its own send, not another publisher's earlier send of the same frame in the window.
/// </summary>
public sealed class SendLog(TimeSpan maxAge)
{
    private const int SkippedPrefix = 4;

    private readonly ConcurrentDictionary<ulong, SentPacket> sent = new();
    private readonly long maxAgeTicks = (long)(maxAge.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);

    /// <summary>Whether sends are being logged (the measured window).</summary>
    public bool Recording { get; set; }

    public static ulong Fingerprint(ReadOnlySpan<byte> payload) =>
        XxHash3.HashToUInt64(payload.Length > SkippedPrefix ? payload[SkippedPrefix..] : payload, payload.Length);

    public void Sent(ReadOnlySpan<byte> payload, long timestamp, bool video) =>
        sent[Fingerprint(payload)] = new SentPacket(timestamp, DateTime.UtcNow, video, Recording);

    /// <summary>The send during the window of a packet with this payload received at <paramref name="now"/>, if there was one.</summary>
    public bool TryFind(ReadOnlySpan<byte> payload, long now, out SentPacket packet) =>
        sent.TryGetValue(Fingerprint(payload), out packet) && packet.InWindow && now - packet.Timestamp < maxAgeTicks;
}

/// <summary>A logged send: its <see cref="System.Diagnostics.Stopwatch"/> timestamp, its wall-clock time (to compare with the kernel's arrival stamps), whether it was video and whether it was sent in the measured window.</summary>
public readonly record struct SentPacket(long Timestamp, DateTime At, bool Video, bool InWindow);
