using WebRtcChat.MediaSfu.Media.Congestion;
using WebRtcChat.MediaSfu.Tests.Recovery;
using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.MediaSfu.Tests.Congestion;

/// <summary>
/// A subscriber's downlink as <see cref="SendSideEstimate"/> sees it, on a clock moved by hand: packets we number
/// (<see cref="SentPackets"/>) cross a link of <see cref="LinkKbps"/> one after another (a queue with no limit; every
/// <see cref="LoseEvery"/>-th packet lost when set), and the subscriber sends transport-cc feedback every 50 ms on what
/// arrived by then, as Chrome does.
/// </summary>
internal sealed class SimulatedDownlink
{
    public const int PacketSize = 1000;
    private static readonly TimeSpan FeedbackInterval = TimeSpan.FromMilliseconds(50);

    private readonly List<(ushort Sequence, long Arrival)> inFlight = [];
    private readonly byte[] rtcp = new byte[1500];
    private long linkFreeAt;
    private long sentCount;
    private double owedBytes;

    public SimulatedDownlink(double linkKbps)
    {
        LinkKbps = linkKbps;
        Sent = new SentPackets(Clock);
        Estimate = new SendSideEstimate(Sent, Clock);
    }

    public ManualClock Clock { get; } = new();

    public SentPackets Sent { get; }

    public SendSideEstimate Estimate { get; }

    public double LinkKbps { get; set; }

    public int LoseEvery { get; set; }

    /// <summary>Sends at <paramref name="kbps"/> for <paramref name="duration"/>, with the subscriber's feedback on the way.</summary>
    public void Send(double kbps, TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromMilliseconds(1))
        {
            owedBytes += kbps * 1000 / 8 / 1000;
            while (owedBytes >= PacketSize)
            {
                owedBytes -= PacketSize;
                SendPacket(PacketSize);
            }

            Clock.Advance(TimeSpan.FromMilliseconds(1));
            if (NowMicroseconds() % (long)FeedbackInterval.TotalMicroseconds == 0)
            {
                Feedback();
            }
        }
    }

    /// <summary>Runs a probe the estimate asked for: its rate for its duration, in packets of <paramref name="size"/> bytes, then the feedback on them.</summary>
    public void Probe(ProbeRequest probe, int size = 250)
    {
        Sent.StartProbe(probe.Id);
        var due = 0.0;
        for (var elapsed = TimeSpan.Zero; elapsed < SendSideEstimate.ProbeDuration; elapsed += TimeSpan.FromMilliseconds(1))
        {
            for (due += probe.TargetKbps * 1000 / 8 / 1000; due >= size; due -= size)
            {
                SendPacket(size);
            }

            Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Estimate.ProbeEnded(probe.Id, Sent.EndProbe());
        Send(0, TimeSpan.FromMilliseconds(500));
    }

    private void SendPacket(int size)
    {
        var sequence = Sent.Add(size);
        var now = NowMicroseconds();
        var lost = LoseEvery > 0 && ++sentCount % LoseEvery == 0;
        var leaves = Math.Max(now, linkFreeAt) + (long)(size * 8 * 1000 / LinkKbps);
        linkFreeAt = lost ? linkFreeAt : leaves;
        inFlight.Add((sequence, lost ? TransportCcFeedbackWriter.Lost : leaves));
    }

    private void Feedback()
    {
        var now = NowMicroseconds();
        var count = 0;
        while (count < inFlight.Count && count < TransportCcFeedbackWriter.MaxPackets && inFlight[count].Arrival <= now)
        {
            count++;
        }

        if (count == 0)
        {
            return;
        }

        var arrivals = inFlight.Take(count).Select(p => p.Arrival).ToArray();
        var length = TransportCcFeedbackWriter.Write(rtcp, 1, 2, 0, inFlight[0].Sequence, arrivals);
        inFlight.RemoveRange(0, count);
        if (length < 0)
        {
            return;
        }

        var reader = new RtcpCompoundReader(rtcp.AsSpan(0, length));
        Assert.True(reader.TryRead(out var packet));
        Assert.True(RtcpFeedback.TryParse(packet, out var feedback));
        Assert.True(TransportCcFeedback.TryParse(feedback, out var transport));
        Estimate.OnFeedback(transport);
    }

    private long NowMicroseconds() => Clock.GetTimestamp() * 1000;
}
