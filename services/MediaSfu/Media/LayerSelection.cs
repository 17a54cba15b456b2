namespace WebRtcChat.MediaSfu.Media;

/// <summary>What the selection knows of one layer a publisher offers: its pixel height when seen, its rate, whether it is flowing now.</summary>
public readonly record struct LayerOption(int Index, int? Height, double Kbps, bool Active);

/// <summary>
/// Which simulcast layer one subscriber gets: the highest flowing layer within its requested height that its bandwidth
/// carries. A request below the smallest layer still gets the smallest; a bandwidth below the smallest layer's rate
/// (or a requested height of 0) pauses the video.
/// </summary>
public static class LayerSelection
{
    public const int Paused = -1;

    /// <param name="layers">The publisher's layers (any order).</param>
    /// <param name="maxHeight">The subscriber's requested maximum height in pixels; 0 pauses.</param>
    /// <param name="availableKbps">The subscriber's video budget for this stream; null when its bandwidth is not the limit.</param>
    /// <returns>The chosen layer's <see cref="LayerOption.Index"/>, or <see cref="Paused"/>.</returns>
    public static int Choose(IReadOnlyList<LayerOption> layers, int maxHeight, double? availableKbps)
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

        var affordable = withinHeight.Where(l => availableKbps is not { } budget || l.Kbps <= budget).ToList();
        return affordable.Count == 0 ? Paused : affordable[^1].Index;
    }
}
