using Microsoft.Extensions.Options;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>Which media nodes get fan-out helpers: by default those whose receive threads run at real-time priority on more than one core.</summary>
public sealed class FanOutHelperSettingTests
{
    [Theory]
    [InlineData(0, null, false)]
    [InlineData(0, true, true)]
    [InlineData(10, false, false)]
    public void An_explicit_setting_wins_and_normal_priority_goes_without(int priority, bool? setting, bool expected)
    {
        using var node = NodeWith(priority, setting);

        Assert.Equal(expected, node.Ice.HasFanOutHelpers);
    }

    [Fact]
    public void Real_time_receive_threads_get_helpers_when_there_is_a_second_core()
    {
        using var node = NodeWith(10, null);

        Assert.Equal(Environment.ProcessorCount > 1, node.Ice.HasFanOutHelpers);
    }

    private static SfuNode NodeWith(int priority, bool? helpers) =>
        new(Options.Create(new SfuOptions { UdpBindAddress = "127.0.0.1", AdvertisedAddress = "127.0.0.1", ReceiveThreadPriority = priority, FanOutHelpers = helpers }), TimeProvider.System);
}
