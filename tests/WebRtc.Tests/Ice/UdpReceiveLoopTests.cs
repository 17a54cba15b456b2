using System.Net;
using System.Net.Sockets;
using WebRtcChat.WebRtc.Ice;

namespace WebRtcChat.WebRtc.Tests.Ice;

/// <summary>What a handler sends while it handles a datagram leaves in batches (sendmmsg), intact and in order.</summary>
public sealed class UdpReceiveLoopTests
{
    public static TheoryData<string> Loopbacks => ["127.0.0.1", "::1"];

    [Theory]
    [MemberData(nameof(Loopbacks))]
    public async Task A_fan_out_larger_than_one_batch_reaches_every_receiver_in_order(string loopback)
    {
        const int Receivers = 3;
        const int CopiesEach = 50; // 150 datagrams: more than two full batches
        var address = IPAddress.Parse(loopback);
        var sockets = Enumerable.Range(0, Receivers).Select(_ => Bound(address)).ToList();
        var targets = sockets.Select(s => s.LocalEndPoint!.Serialize()).ToList();
        UdpReceiveLoop? loop = null;
        loop = new UdpReceiveLoop(new IPEndPoint(address, 0), (datagram, _) =>
        {
            for (var copy = 0; copy < CopiesEach; copy++)
            {
                foreach (var target in targets)
                {
                    loop!.SendTo([.. datagram, (byte)copy], target);
                }
            }
        });
        using var disposeLoop = loop;
        using var trigger = Bound(address);

        trigger.SendTo("fan"u8.ToArray(), loop.LocalEndPoint);

        foreach (var socket in sockets)
        {
            for (var copy = 0; copy < CopiesEach; copy++)
            {
                var buffer = new byte[64];
                var length = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
                Assert.Equal([.. "fan"u8.ToArray(), (byte)copy], buffer[..length]);
            }

            socket.Dispose();
        }

        Assert.Equal(0, loop.RefusedSends);
    }

    [Fact]
    public async Task Sends_from_other_threads_leave_at_once()
    {
        using var receiver = Bound(IPAddress.Loopback);
        using var loop = new UdpReceiveLoop(new IPEndPoint(IPAddress.Loopback, 0), (_, _) => { });

        await Task.Run(() => loop.SendTo("timer"u8, receiver.LocalEndPoint!.Serialize()));

        var buffer = new byte[16];
        var length = await receiver.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("timer"u8.ToArray(), buffer[..length]);
    }

    private static Socket Bound(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    }
}
