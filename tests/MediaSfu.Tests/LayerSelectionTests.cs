using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>Which layer a subscriber gets from the layers flowing, its requested height and its bandwidth.</summary>
public sealed class LayerSelectionTests
{
    private static readonly LayerOption Q = new(0, 180, 150, Active: true);
    private static readonly LayerOption H = new(1, 360, 500, Active: true);
    private static readonly LayerOption F = new(2, 720, 1500, Active: true);

    public static TheoryData<string, LayerOption[], int, double?, int> Cases => new()
    {
        { "unlimited: the best", [Q, H, F], LayerSwitcher.Unlimited, null, 2 },
        { "720 allows the full layer", [Q, H, F], 720, null, 2 },
        { "thumbnail", [Q, H, F], 180, null, 0 },
        { "between two heights: the one below", [Q, H, F], 500, null, 1 },
        { "below the smallest layer still gets it", [Q, H, F], 90, null, 0 },
        { "0 pauses", [Q, H, F], 0, null, LayerSelection.Paused },
        { "bandwidth for the middle layer", [Q, H, F], 720, 800, 1 },
        { "bandwidth exactly the full layer", [Q, H, F], 720, 1500, 2 },
        { "bandwidth for only the smallest", [Q, H, F], 720, 200, 0 },
        { "no bandwidth for any layer pauses", [Q, H, F], 720, 100, LayerSelection.Paused },
        { "the full layer stopped", [Q, H, F with { Active = false }], 720, null, 1 },
        { "only the smallest flows", [Q, H with { Active = false }, F with { Active = false }], 720, null, 0 },
        { "nothing flows", [Q with { Active = false }], 720, null, LayerSelection.Paused },
        { "offered out of order: by height", [F, Q, H], 360, null, 1 },
        { "height not seen yet: allowed", [Q, H, F with { Height = null }], 360, null, 2 },
        { "a plain track is the one-layer case", [new LayerOption(0, null, 400, true)], 180, 300, LayerSelection.Paused },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_chosen_layer(string why, LayerOption[] layers, int maxHeight, double? availableKbps, int expected) =>
        Assert.True(expected == LayerSelection.Choose(layers, maxHeight, availableKbps), $"{why}: expected {expected}, got {LayerSelection.Choose(layers, maxHeight, availableKbps)}");
}
