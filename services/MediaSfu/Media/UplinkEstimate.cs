namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The receive-side estimate we send a publisher as REMB, so its encoder ramps up to all its simulcast layers: it starts
/// generous (a browser trusts a REMB in its first seconds), grows to 1.5× the incoming rate while loss stays under 2%,
/// holds between 2% and 10%, and above 10% falls to the incoming rate less half the loss.
/// </summary>
public sealed class UplinkEstimate(double startKbps, double minKbps, double maxKbps)
{
    public const double LowLoss = 0.02;
    public const double HighLoss = 0.10;
    public const double Growth = 1.5;

    /// <summary>Fewer packets than this since the last update say nothing reliable about loss.</summary>
    public const int MinimumSample = 20;

    private long lastReceived;
    private long lastLost;

    public double Kbps { get; private set; } = Math.Clamp(startKbps, minKbps, maxKbps);

    /// <summary>The loss measured by the latest update.</summary>
    public double FractionLost { get; private set; }

    /// <summary>Whether the loss since the last update (from cumulative counts) is high enough to update at once.</summary>
    public bool IsLossHigh(long received, long lost) => Loss(received, lost) is var (fraction, expected) && expected >= MinimumSample && fraction > HighLoss;

    /// <summary>The new estimate from the loss since the last update and the rate now arriving.</summary>
    public double Update(long received, long lost, double incomingKbps)
    {
        (FractionLost, _) = Loss(received, lost);
        (lastReceived, lastLost) = (received, lost);
        if (FractionLost > HighLoss)
        {
            Kbps = incomingKbps * (1 - (FractionLost / 2));
        }
        else if (FractionLost < LowLoss)
        {
            Kbps = Math.Max(Kbps, incomingKbps * Growth);
        }

        Kbps = Math.Clamp(Kbps, minKbps, maxKbps);
        return Kbps;
    }

    private (double Fraction, long Expected) Loss(long received, long lost)
    {
        var newlyLost = Math.Max(0, lost - lastLost);
        var expected = received - lastReceived + newlyLost;
        return (expected > 0 ? (double)newlyLost / expected : 0, expected);
    }
}
