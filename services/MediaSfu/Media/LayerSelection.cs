namespace WebRtcChat.MediaSfu.Media;

/// <summary>What the selection knows of one layer a publisher offers: its pixel height when seen, its rate, whether it is flowing now.</summary>
public readonly record struct LayerOption(int Index, int? Height, double Kbps, bool Active);

/// <summary>
/// Which simulcast layer one subscriber gets: the highest flowing layer within its requested height that its bandwidth
/// carries. A request below the smallest layer still gets the smallest; a bandwidth below
/// <see cref="PauseBelow"/> of the smallest layer's rate (or a requested height of 0) pauses the video, and a paused
/// video resumes once the smallest layer's whole rate fits. A budget no flowing layer fits never moves the video up.
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

    /// <summary>The most layers a track is chosen among (browsers send up to 3 simulcast encodings); more are ignored.</summary>
    public const int MaxLayers = 8;

    /// <param name="layers">The publisher's layers (any order).</param>
    /// <param name="maxHeight">The subscriber's requested maximum height in pixels; 0 pauses.</param>
    /// <param name="availableKbps">The subscriber's video budget for this stream; null when its bandwidth is not the limit.</param>
    /// <param name="current">The layer forwarded now, or <see cref="Paused"/>.</param>
    /// <returns>The chosen layer's <see cref="LayerOption.Index"/>, or <see cref="Paused"/>.</returns>
    /// <remarks>Runs for every video of every subscriber several times a second, so it allocates nothing.</remarks>
    public static int Choose(ReadOnlySpan<LayerOption> layers, int maxHeight, double? availableKbps, int current = Paused)
    {
        if (maxHeight <= 0)
        {
            return Paused;
        }

        Span<LayerOption> buffer = stackalloc LayerOption[MaxLayers];
        var flowing = Flowing(layers, buffer);
        if (flowing.Length == 0)
        {
            return Paused;
        }

        // Lowest first: by the heights seen, or by the offer's order (lowest first, as browsers list them) until all are seen.
        SortLowestFirst(flowing);
        var smallest = flowing[0];
        var candidates = WithinHeight(flowing, maxHeight);
        if (candidates.Length == 0)
        {
            flowing[0] = smallest;
            candidates = flowing[..1];
        }

        var currentRank = -1;
        for (var rank = 0; rank < candidates.Length; rank++)
        {
            currentRank = candidates[rank].Index == current ? rank : currentRank;
        }

        var chosen = -1;
        for (var rank = 0; rank < candidates.Length; rank++)
        {
            var cost = candidates[rank].Kbps * (currentRank >= 0 && rank > currentRank ? UpgradeMargin : 1);
            if (availableKbps is not { } budget || cost <= budget)
            {
                chosen = rank;
            }
        }

        // Under budget, the smallest layer keeps flowing, but only in place of the current one or one above it: when the
        // current layer stalls (a publisher short of CPU), a larger one over budget would flood the link.
        return chosen >= 0 ? candidates[chosen].Index
            : current != Paused && availableKbps >= candidates[0].Kbps * PauseBelow && !IsAboveCurrent(candidates[0], layers, current) ? candidates[0].Index
            : Paused;
    }

    private static bool IsAboveCurrent(LayerOption layer, ReadOnlySpan<LayerOption> layers, int current)
    {
        foreach (var option in layers)
        {
            if (option.Index == current)
            {
                return option.Index != layer.Index && IsLower(option, layer, byHeight: option.Height is not null && layer.Height is not null);
            }
        }

        return false;
    }

    private static Span<LayerOption> Flowing(ReadOnlySpan<LayerOption> layers, Span<LayerOption> buffer)
    {
        var count = 0;
        foreach (var layer in layers)
        {
            if (layer.Active && count < buffer.Length)
            {
                buffer[count++] = layer;
            }
        }

        return buffer[..count];
    }

    private static void SortLowestFirst(Span<LayerOption> layers)
    {
        var byHeight = true;
        foreach (var layer in layers)
        {
            byHeight &= layer.Height is not null;
        }

        for (var i = 1; i < layers.Length; i++)
        {
            for (var j = i; j > 0 && IsLower(layers[j], layers[j - 1], byHeight); j--)
            {
                (layers[j], layers[j - 1]) = (layers[j - 1], layers[j]);
            }
        }
    }

    private static bool IsLower(LayerOption a, LayerOption b, bool byHeight) =>
        byHeight && a.Height != b.Height ? a.Height < b.Height : a.Index < b.Index;

    /// <summary>Keeps, in order, the layers not taller than <paramref name="maxHeight"/> (a layer whose height is not seen yet counts as within).</summary>
    private static Span<LayerOption> WithinHeight(Span<LayerOption> layers, int maxHeight)
    {
        var count = 0;
        foreach (var layer in layers)
        {
            if (layer.Height is not { } height || height <= maxHeight)
            {
                layers[count++] = layer;
            }
        }

        return layers[..count];
    }
}
