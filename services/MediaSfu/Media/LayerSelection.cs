namespace WebRtcChat.MediaSfu.Media;

/// <summary>What the selection knows of one layer a publisher offers: its pixel height when seen, its rate, whether it is flowing now.</summary>
public readonly record struct LayerOption(int Index, int? Height, double Kbps, bool Active);

/// <summary>
/// Which simulcast layer one subscriber gets: the highest flowing layer within its requested height that its bandwidth
/// carries. A request below the smallest layer still gets the smallest; a bandwidth below
/// <see cref="PauseBelow"/> of the smallest layer's rate (or a requested height of 0) pauses the video.
/// </summary>
public static class LayerSelection
{
    public const int Paused = -1;

    /// <summary>
    /// The smallest layer keeps flowing down to this share of its rate: an estimate a little under it is noise, or a
    /// link that still carries it with some loss, and a paused video takes a hold period to come back.
    /// </summary>
    public const double PauseBelow = 0.5;

    /// <summary>
    /// A layer above the one forwarded now must fit the budget with this margin: a receiver's estimate hovers around
    /// what it gets, and without the margin the selection would switch up and down (a key frame each time) every second.
    /// </summary>
    public const double UpgradeMargin = 1.15;

    /// <param name="layers">The publisher's layers (any order).</param>
    /// <param name="maxHeight">The subscriber's requested maximum height in pixels; 0 pauses.</param>
    /// <param name="availableKbps">The subscriber's video budget for this stream; null when its bandwidth is not the limit.</param>
    /// <param name="current">The layer forwarded now, or <see cref="Paused"/>.</param>
    /// <returns>The chosen layer's <see cref="LayerOption.Index"/>, or <see cref="Paused"/>.</returns>
    public static int Choose(IReadOnlyList<LayerOption> layers, int maxHeight, double? availableKbps, int current = Paused)
    {
        if (maxHeight <= 0)
        {
            return Paused;
        }

        // Lowest first: by the heights seen, or by the offer's order (lowest first, as browsers list them) until all are seen.
        var flowing = layers.Where(l => l.Active).OrderBy(l => l.Index).ToList();
        if (flowing.All(l => l.Height is not null))
        {
            flowing = [.. flowing.OrderBy(l => l.Height).ThenBy(l => l.Index)];
        }

        if (flowing.Count == 0)
        {
            return Paused;
        }

        var withinHeight = flowing.Where(l => l.Height is not { } height || height <= maxHeight).ToList();
        if (withinHeight.Count == 0)
        {
            withinHeight.Add(flowing[0]);
        }

        var currentRank = withinHeight.FindIndex(l => l.Index == current);
        var affordable = withinHeight.Where((l, rank) => availableKbps is not { } budget || l.Kbps * (currentRank >= 0 && rank > currentRank ? UpgradeMargin : 1) <= budget).ToList();
        return affordable.Count > 0 ? affordable[^1].Index
            : availableKbps >= withinHeight[0].Kbps * PauseBelow ? withinHeight[0].Index
            : Paused;
    }
}
