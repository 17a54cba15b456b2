using System.Net;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests;

public sealed class UdpDatagramChannelTests
{
    [Fact]
    public async Task Datagrams_reach_the_connected_peer_and_strangers_are_dropped()
    {
        using var a = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        using var b = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        using var stranger = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        var received = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Received += datagram => received.TrySetResult(datagram.ToArray());
        a.Connect(b.LocalEndPoint);
        b.Connect(a.LocalEndPoint);
        stranger.Connect(b.LocalEndPoint);

        stranger.Send([9, 9, 9]);
        await WaitUntilAsync(() => b.DroppedFromStrangers == 1);
        a.Send([1, 2, 3]);

        Assert.Equal([1, 2, 3], await received.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 5 s");
            await Task.Delay(10);
        }
    }
}
