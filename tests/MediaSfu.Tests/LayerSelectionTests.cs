using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>Which layer a subscriber gets from the layers flowing, its requested height and its bandwidth.</summary>
public sealed class LayerSelectionTests
{
    private static readonly LayerOption Q = new(0, 180, 150, Active: true);
    private static readonly LayerOption H = new(1, 360, 500, Active: true);
    private static readonly LayerOption F = new(2, 720, 1500, Active: true);

    public static TheoryData<string, int, double?, int> FromCurrent => new()
    {
        { "up needs the margin", 0, 540, 0 },
        { "up with the margin", 0, 580, 1 },
        { "staying needs no margin", 1, 510, 1 },
        { "down at once", 2, 1400, 1 },
        { "unlimited goes up", 0, null, 2 },
        { "paused resumes without a margin", LayerSelection.Paused, 510, 1 },
        { "a little under the smallest layer keeps it flowing", 0, 100, 0 },
        { "paused, a little under the smallest layer's rate stays paused", LayerSelection.Paused, 100, LayerSelection.Paused },
    };

    public static TheoryData<string, LayerOption[], int, double?, int> WhenTheCurrentLayerStalls => new()
    {
        { "a larger layer the budget carries takes over", [Q with { Active = false }, H, F], 0, 600, 1 },
        { "a larger layer over budget does not: the video pauses", [Q with { Active = false }, H, F], 0, 300, LayerSelection.Paused },
        { "a smaller layer under budget still flows in its place", [Q, H, F with { Active = false }], 2, 100, 0 },
    };

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
        { "under half the smallest layer pauses", [Q, H, F], 720, 70, LayerSelection.Paused },
        { "the full layer stopped", [Q, H, F with { Active = false }], 720, null, 1 },
        { "only the smallest flows", [Q, H with { Active = false }, F with { Active = false }], 720, null, 0 },
        { "nothing flows", [Q with { Active = false }], 720, null, LayerSelection.Paused },
        { "offered out of order: by height", [F, Q, H], 360, null, 1 },
        { "height not seen yet: allowed", [Q, H, F with { Height = null }], 360, null, 2 },
        { "a plain track is the one-layer case", [new LayerOption(0, null, 400, true)], 180, 450, 0 },
        { "a plain track pauses under half its rate", [new LayerOption(0, null, 400, true)], 180, 150, LayerSelection.Paused },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_chosen_layer(string why, LayerOption[] layers, int maxHeight, double? availableKbps, int expected) =>
        Assert.True(expected == LayerSelection.Choose(layers, maxHeight, availableKbps), $"{why}: expected {expected}, got {LayerSelection.Choose(layers, maxHeight, availableKbps)}");

    [Theory]
    [MemberData(nameof(FromCurrent))]
    public void Switching_up_needs_a_margin_over_the_layers_rate(string why, int current, double? availableKbps, int expected) =>
        Assert.True(expected == LayerSelection.Choose([Q, H, F], 720, availableKbps, current), $"{why}: expected {expected}, got {LayerSelection.Choose([Q, H, F], 720, availableKbps, current)}");

    [Theory]
    [MemberData(nameof(WhenTheCurrentLayerStalls))]
    public void A_stalled_layer_is_not_replaced_by_one_the_link_cannot_carry(string why, LayerOption[] layers, int current, double? availableKbps, int expected) =>
        Assert.True(expected == LayerSelection.Choose(layers, 720, availableKbps, current), $"{why}: expected {expected}, got {LayerSelection.Choose(layers, 720, availableKbps, current)}");

    [Fact]
    public void Choosing_allocates_nothing()
    {
        LayerOption[] layers = [F, Q, H];
        LayerSelection.Choose(layers, 360, 800, current: 0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var chosen = 0;
        for (var i = 0; i < 1_000; i++)
        {
            chosen += LayerSelection.Choose(layers, 360 + i, 400 + i, current: i % 3);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(chosen > 0);
    }
}
