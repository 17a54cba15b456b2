using WebRtcChat.WebRtc.Rtcp;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>
/// Answers one subscriber's generic NACKs (RFC 4585 §6.2.1) from the publishers' retransmission buffers: each NACKed
/// sequence number is mapped back through the subscription's outgoing stream to the layer it was forwarded from and its
/// number there, and the packet goes out again as RTX (RFC 4588: the subscriber's RTX payload type and our repair SSRC, the original sequence number first
/// in the payload) when the subscriber negotiated RTX, else as it was first forwarded; at most once per round trip
/// (100 ms until one is measured). Packets the buffer lacks go upstream. Runs on the subscriber's receive path.
/// </summary>
public sealed class NackResponder(MediaPeer subscriber, TimeProvider time)
{
    private const int MaxLost = 1024;
    private static readonly TimeSpan UnknownRoundTrip = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ShortestInterval = TimeSpan.FromMilliseconds(10);

    private readonly ushort[] lost = new ushort[MaxLost];
    private readonly byte[] kept = new byte[RetransmissionBuffer.SlotSize];
    private readonly byte[] copy = new byte[RetransmissionBuffer.SlotSize + ForwardedPacket.MaxGrowth];
    private readonly byte[] repair = new byte[RetransmissionBuffer.SlotSize + ForwardedPacket.MaxGrowth + RtxPacket.OsnLength];

    public void Answer(in RtcpFeedback nack, IReadOnlyList<Subscription> subscriptions)
    {
        var subscription = Find(subscriptions, nack.MediaSsrc);
        if (subscription is null)
        {
            return;
        }

        var count = GenericNack.ExpandLost(nack, lost);
        var interval = ResendInterval(subscription);
        for (var i = 0; i < count; i++)
        {
            subscription.Recovery.Nacked();
            if (!subscription.TryMapNacked(lost[i], out var layer, out var publisherSequence, out var timestampOffset)
                || layer.Recovery is not { } recovery || subscription.Track.Recovery is not { } trackRecovery)
            {
                subscription.Recovery.Missed();
                continue;
            }

            recovery.Counters.NackReceived();
            var length = recovery.CopyTo(publisherSequence, kept, out _);
            if (length == 0)
            {
                subscription.Recovery.Missed();
                recovery.Missed(publisherSequence);
            }
            else if (subscription.Recovery.TryRetransmit(lost[i], time.GetTimestamp(), interval))
            {
                recovery.Counters.Retransmit();
                Resend(subscription, trackRecovery.RepairSsrc, kept.AsSpan(0, length), lost[i], timestampOffset);
            }
        }
    }

    private static Subscription? Find(IReadOnlyList<Subscription> subscriptions, uint ssrc)
    {
        foreach (var subscription in subscriptions)
        {
            if (subscription.ForwardedSsrc == ssrc)
            {
                return subscription;
            }
        }

        return null;
    }

    private long ResendInterval(Subscription subscription)
    {
        var roundTrip = subscription.Feedback().RoundTripMs is { } ms ? TimeSpan.FromMilliseconds(ms) : UnknownRoundTrip;
        return (long)(Math.Max(roundTrip.TotalSeconds, ShortestInterval.TotalSeconds) * time.TimestampFrequency);
    }

    /// <summary>
    /// The kept packet as the subscriber first got it (its payload type and SSRC, the sequence number it NACKed, the
    /// timestamp as rewritten), wrapped as RTX on <paramref name="repairSsrc"/> when it has RTX.
    /// </summary>
    private void Resend(Subscription subscription, uint repairSsrc, ReadOnlySpan<byte> packet, ushort forwardedSequence, uint timestampOffset)
    {
        if (!RtpHeader.TryParse(packet, out var header))
        {
            return;
        }

        var payloadType = subscription.PayloadTypes[header.PayloadType];
        if (payloadType == 0)
        {
            return;
        }

        var length = subscription.WriteCopy(copy, packet, header, payloadType, forwardedSequence, unchecked(header.Timestamp + timestampOffset), time, out var transportSequenceOffset);
        subscription.KeepPicturesContinuous(copy.AsSpan(0, length), header, retransmission: true);
        var rtxType = subscription.PayloadTypes.RtxFor(payloadType);
        if (rtxType == 0 || !RtpHeader.TryParse(copy.AsSpan(0, length), out var forwarded))
        {
            subscriber.SendRtp(copy.AsSpan(0, length), transportSequenceOffset);
            return;
        }

        var wrapped = RtxPacket.Wrap(copy.AsSpan(0, length), forwarded, repair, repairSsrc, rtxType, subscription.Recovery.NextRtxSequence());
        subscriber.SendRtp(repair.AsSpan(0, wrapped), transportSequenceOffset);
    }
}
