using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// Keeps the VP8 picture id and TL0PICIDX (RFC 7741 §4.2) a subscriber sees running on when its simulcast layer changes.
/// Each layer numbers its pictures on its own; a receiver that sees the numbers jump back after a switch takes the new
/// layer's frames for old ones, or waits for temporal-layer indexes it never gets, and the picture freezes. When the
/// source changes, the new source's numbers are shifted to continue one after the highest sent. Runs on the
/// publisher's receive path (and for retransmissions, which only take the current shift).
/// </summary>
public sealed class Vp8Continuity
{
    private const int LongPictureIds = 0x8000;
    private const int ShortPictureIds = 0x80;
    private const int Tl0Indexes = 0x100;

    private readonly Lock gate = new();
    private uint? source;
    private int pictureIdShift;
    private int tl0Shift;
    private int highestPictureId = -1;
    private int highestTl0 = -1;

    /// <summary>Rewrites <paramref name="payload"/> (a VP8 payload from <paramref name="from"/>) in place.</summary>
    /// <param name="retransmission">A resent packet: rewritten with the current shift, never starting a new one.</param>
    /// <remarks>Forwarding (the publisher's receive thread) and NACK answers (the subscriber's) both rewrite.</remarks>
    public void Rewrite(Span<byte> payload, uint from, bool retransmission = false)
    {
        lock (gate)
        {
            RewriteLocked(payload, from, retransmission);
        }
    }

    private void RewriteLocked(Span<byte> payload, uint from, bool retransmission)
    {
        if (!Vp8Descriptor.TryParse(payload, out var descriptor))
        {
            return;
        }

        if (from != source)
        {
            if (retransmission)
            {
                return;
            }

            source = from;
            pictureIdShift = Shift(highestPictureId, descriptor.PictureId, descriptor.HasLongPictureId ? LongPictureIds : ShortPictureIds);
            tl0Shift = Shift(highestTl0, descriptor.Tl0PicIdx, Tl0Indexes);
        }

        if (descriptor.PictureId >= 0)
        {
            var range = descriptor.HasLongPictureId ? LongPictureIds : ShortPictureIds;
            var pictureId = (descriptor.PictureId + pictureIdShift) % range;
            descriptor.WritePictureId(payload, pictureId);
            highestPictureId = Newer(highestPictureId, pictureId, range);
        }

        if (descriptor.Tl0PicIdx >= 0)
        {
            var tl0 = (descriptor.Tl0PicIdx + tl0Shift) % Tl0Indexes;
            descriptor.WriteTl0PicIdx(payload, (byte)tl0);
            highestTl0 = Newer(highestTl0, tl0, Tl0Indexes);
        }
    }

    /// <summary>What to add (modulo <paramref name="range"/>) so <paramref name="incoming"/> comes one after <paramref name="highest"/>; 0 when either is unknown.</summary>
    private static int Shift(int highest, int incoming, int range) =>
        highest < 0 || incoming < 0 ? 0 : ((highest + 1 - incoming) % range + range) % range;

    private static int Newer(int highest, int candidate, int range)
    {
        if (highest < 0)
        {
            return candidate;
        }

        var ahead = (candidate - highest + range) % range;
        return ahead > 0 && ahead < range / 2 ? candidate : highest;
    }
}
