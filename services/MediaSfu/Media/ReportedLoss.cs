namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The loss a subscriber reports over its latest full window, and which window that is (<see cref="Measurement"/>
/// changes with every new one), so one measurement is acted on once however often the layers are planned.
/// </summary>
public readonly record struct ReportedLoss(double Fraction, long Measurement)
{
    public static readonly ReportedLoss None = new(0, 0);
}
