using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.MediaSfu.Media.Congestion;

/// <summary>A probe to run now: send at <paramref name="TargetKbps"/> in all for <see cref="SendSideEstimate.ProbeDuration"/>, padding up what the media leaves.</summary>
public readonly record struct ProbeRequest(int Id, double TargetKbps);

/// <summary>
/// What one subscriber's downlink carries, estimated by us as its sender from its transport-cc feedback: which of the
/// packets we numbered arrived, and when. A queue building on the path (the smallest queueing delay of a feedback
/// above <see cref="OveruseDelay"/> and no lower than the previous one's, twice in a row: one late packet is jitter, and
/// a key frame's burst queues once and drains, while a link sent more than it carries queues more and more) or
/// more than <see cref="HighLoss"/> of the packets lost over a second is congestion, and the estimate is cut under what
/// arrived (85% of it for delay, as GCC; by half the loss for loss), at most once a second so a cut can take effect
/// (a layer switch waits for a key frame). Until the first congestion the downlink is not the limit and no estimate is
/// given. Afterwards it grows back 8% a second while nothing is congested, but only up to a little above what arrives
/// (<see cref="GrowthCeiling"/>: less than a switch up needs, so growth follows a publisher's rate as it ramps and
/// never switches blindly) or to what a probe showed: a layer above that is reached through a probe — a short burst
/// at the wanted rate, padded up with RTX padding — which shows whether the path carries it before any video depends
/// on it. A receiver's own estimate (REMB) cannot do that: it only measures what it is sent. A probe beyond what the
/// path carries queues by design, so the delay of packets sent during it and for <see cref="ProbeDrain"/> after is
/// not taken as congestion: what the probe found is its own result.
/// </summary>
public sealed class SendSideEstimate(SentPackets sent, TimeProvider time)
{
    public static readonly TimeSpan OveruseDelay = TimeSpan.FromMilliseconds(60);
    public static readonly TimeSpan ProbeDuration = TimeSpan.FromMilliseconds(80);
    public static readonly TimeSpan ProbeDrain = TimeSpan.FromMilliseconds(500);
    public const double HighLoss = 0.10;
    public const double DelayCut = 0.85;
    public const double Growth = 0.08;
    public const double GrowthCeiling = 1.1;
    public const double MinKbps = 30;

    /// <summary>A probe asks for at most this many times the estimate (or 200 kbit/s above it): on a full path its burst only adds delay.</summary>
    public const double ProbeStep = 2;

    private const int OveruseFeedbacks = 2;
    private const int MinimumLossSample = 20;
    private static readonly TimeSpan LossWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BetweenCuts = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeReportWait = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly QueueDelay queue = new();
    private readonly AckedRate acked = new();
    private readonly ProbeSchedule schedule = new(time);
    private double? estimate;
    private double probedKbps;
    private int overuseStreak;
    private long previousQueue;
    private long lastCut;
    private long congestedAt;
    private long updatedAt;
    private long lossWindowStart;
    private int lossWindowLost;
    private int lossWindowReported;
    private double latestLoss;
    private double latestQueueMs;
    private ProbeMeasurement? probe;
    private long probeEndedAt;
    private int probeIds;

    /// <summary>Whether the subscriber sends transport-cc feedback: this estimate, not its REMB, then limits what it gets.</summary>
    public bool HasFeedback { get; private set; }

    /// <summary>The kbit/s its streams may use together; null while its bandwidth has not been the limit.</summary>
    public double? EstimateKbps
    {
        get
        {
            lock (gate)
            {
                return estimate;
            }
        }
    }

    /// <summary>The rate packets arrived at lately (kbit/s); null before enough feedback.</summary>
    public double? AckedKbps
    {
        get
        {
            lock (gate)
            {
                return acked.Kbps();
            }
        }
    }

    /// <summary>The smallest queueing delay of the latest feedback, in ms.</summary>
    public double QueueDelayMs
    {
        get
        {
            lock (gate)
            {
                return latestQueueMs;
            }
        }
    }

    /// <summary>The share of packets lost over the latest full second of feedback.</summary>
    public double LossFraction
    {
        get
        {
            lock (gate)
            {
                return latestLoss;
            }
        }
    }

    public void OnFeedback(in TransportCcFeedback feedback)
    {
        var reader = feedback.GetReader();
        lock (gate)
        {
            HasFeedback = true;
            var smallestQueue = long.MaxValue;
            while (reader.TryRead(out var status))
            {
                if (!sent.TryGet(status.Sequence, out var packet))
                {
                    continue;
                }

                var sentAt = Microseconds(packet.At);
                long? arrival = status.Received ? status.ArrivalMicroseconds : null;
                lossWindowReported++;
                if (arrival is { } at)
                {
                    var delay = queue.Observe(sentAt, at);
                    smallestQueue = IsProbeQueue(packet) ? smallestQueue : Math.Min(smallestQueue, delay);
                    acked.Add(at, packet.Size);
                }
                else
                {
                    lossWindowLost++;
                }

                if (probe is { } running && packet.Probe == running.Id)
                {
                    running.Reported(packet, sentAt, arrival);
                }
            }

            if (smallestQueue != long.MaxValue)
            {
                latestQueueMs = smallestQueue / 1000.0;
                overuseStreak = smallestQueue > OveruseDelay.TotalMicroseconds && smallestQueue >= previousQueue ? overuseStreak + 1 : 0;
                previousQueue = smallestQueue;
            }

            Update();
            FinishProbe();
        }
    }

    /// <summary>
    /// The subscriber would take <paramref name="wantedKbps"/> in all, above what the estimate allows: a probe towards it
    /// when one may run now (the caller sends it, then reports <see cref="ProbeEnded"/>); null otherwise.
    /// </summary>
    public ProbeRequest? ProbeFor(double wantedKbps)
    {
        lock (gate)
        {
            if (estimate is not { } current || wantedKbps <= current || probe is not null || !schedule.IsDue)
            {
                return null;
            }

            var target = Math.Min(wantedKbps, Math.Max(current * ProbeStep, current + 200));
            probe = new ProbeMeasurement(++probeIds, target);
            return new ProbeRequest(probe.Id, target);
        }
    }

    /// <summary>The probe's sending is over: <paramref name="packets"/> packets went out while it ran.</summary>
    public void ProbeEnded(int id, int packets)
    {
        lock (gate)
        {
            if (probe?.Id == id)
            {
                probe.Ended(packets);
                probeEndedAt = time.GetTimestamp();
                FinishProbe();
            }
        }
    }

    private void Update()
    {
        var now = time.GetTimestamp();
        var seconds = updatedAt == 0 ? 0 : time.GetElapsedTime(updatedAt, now).TotalSeconds;
        updatedAt = now;
        if (lossWindowStart == 0 || time.GetElapsedTime(lossWindowStart, now) >= LossWindow)
        {
            latestLoss = lossWindowReported >= MinimumLossSample ? (double)lossWindowLost / lossWindowReported : 0;
            (lossWindowStart, lossWindowLost, lossWindowReported) = (now, 0, 0);
        }

        var delayCongested = overuseStreak >= OveruseFeedbacks;
        var lossCongested = latestLoss > HighLoss;
        if (delayCongested || lossCongested)
        {
            congestedAt = now;
            schedule.Congested();
            if (acked.Kbps() is { } arriving && (estimate is null || time.GetElapsedTime(lastCut, now) >= BetweenCuts))
            {
                var cut = Math.Min(delayCongested ? arriving * DelayCut : double.MaxValue, lossCongested ? arriving * (1 - (latestLoss / 2)) : double.MaxValue);
                estimate = Math.Max(MinKbps, Math.Min(estimate ?? cut, cut));
                (probedKbps, lastCut) = (0, now);
                latestLoss = lossCongested ? 0 : latestLoss;
            }

            return;
        }

        if (estimate is { } current && time.GetElapsedTime(congestedAt, now) >= BetweenCuts)
        {
            var ceiling = Math.Max((acked.Kbps() ?? 0) * GrowthCeiling, probedKbps);
            estimate = Math.Max(current, Math.Min(current * (1 + (Growth * seconds)), ceiling));
        }
    }

    private void FinishProbe()
    {
        if (probe is not { HasEnded: true } ended || !(ended.IsComplete || time.GetElapsedTime(probeEndedAt) >= ProbeReportWait))
        {
            return;
        }

        probe = null;
        var found = ended.ResultKbps();
        if (found is { } kbps && estimate is { } current)
        {
            probedKbps = Math.Max(probedKbps, kbps);
            estimate = Math.Max(current, kbps);
        }

        if (found >= ended.TargetKbps * ProbeMeasurement.SaturatedBelow)
        {
            schedule.Succeeded();
        }
        else
        {
            schedule.Failed();
        }
    }

    /// <summary>Whether the packet went out during a probe or while the queue a probe built drained.</summary>
    private bool IsProbeQueue(in SentPacket packet) =>
        packet.Probe != 0 || (probeEndedAt != 0 && packet.At >= probeEndedAt && time.GetElapsedTime(probeEndedAt, packet.At) < ProbeDrain);

    private long Microseconds(long timestamp) => (long)(timestamp * (1_000_000.0 / time.TimestampFrequency));
}
