using System.Net;
using System.Net.Sockets;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Transport;
using WebRtcChat.WebRtc.Transport.Linux;

namespace WebRtcChat.WebRtc.Tests.Ice;

/// <summary>What a handler sends while it handles a datagram leaves in batches (sendmmsg), intact and in order; arrivals can be stamped by the kernel.</summary>
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

    internal static Socket Bound(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    }

    [Fact]
    public async Task A_stamped_arrival_is_when_the_datagram_reached_the_socket_not_when_it_was_handled()
    {
        using var stamping = await ArrivalStampingOnAsync();
        var handled = new System.Collections.Concurrent.ConcurrentQueue<(DateTime? Arrival, DateTime HandledAt)>();
        using var secondSentSignal = new ManualResetEventSlim();
        UdpReceiveLoop? loop = null;
        loop = new UdpReceiveLoop(new IPEndPoint(IPAddress.Loopback, 0), (datagram, _) =>
        {
            handled.Enqueue((loop!.Arrival, DateTime.UtcNow));
            HoldTheFirst(datagram, secondSentSignal);
        });
        using var disposeLoop = loop;
        loop.StampArrivals = true;
        using var sender = Bound(IPAddress.Loopback);

        var secondSent = await SendTheSecondWhileTheFirstIsHeldAsync(sender, loop, secondSentSignal, () => handled.Count == 2);

        var second = handled.ToArray()[1];
        Assert.NotNull(second.Arrival);
        Assert.InRange(second.Arrival.Value, secondSent.AddMilliseconds(-1), secondSent.AddMilliseconds(50));
        Assert.True(second.HandledAt - second.Arrival.Value >= TimeSpan.FromMilliseconds(200), $"handled {second.HandledAt:O}, arrived {second.Arrival:O}");

        loop.StampArrivals = false;
        sender.SendTo("c"u8.ToArray(), loop.LocalEndPoint);
        await WaitForAsync(() => handled.Count == 3);
        Assert.Null(handled.ToArray()[2].Arrival);
    }

    [Fact]
    public async Task A_handler_that_asks_gets_the_datagrams_arrival_without_every_datagram_being_stamped()
    {
        using var stamping = await ArrivalStampingOnAsync();
        var handled = new System.Collections.Concurrent.ConcurrentQueue<(DateTime Arrival, DateTime HandledAt)>();
        using var secondSentSignal = new ManualResetEventSlim();
        using var loop = new UdpReceiveLoop(new IPEndPoint(IPAddress.Loopback, 0), (datagram, _) =>
        {
            handled.Enqueue((DatagramArrival.OfCurrent(), DateTime.UtcNow));
            HoldTheFirst(datagram, secondSentSignal);
        });
        using var sender = Bound(IPAddress.Loopback);

        var secondSent = await SendTheSecondWhileTheFirstIsHeldAsync(sender, loop, secondSentSignal, () => handled.Count == 2);

        Assert.False(loop.StampArrivals);
        var second = handled.ToArray()[1];
        Assert.InRange(second.Arrival, secondSent.AddMilliseconds(-1), secondSent.AddMilliseconds(50));
        Assert.True(second.HandledAt - second.Arrival >= TimeSpan.FromMilliseconds(200), $"handled {second.HandledAt:O}, arrived {second.Arrival:O}");

        // Off a receive thread there is no datagram: the time now.
        var before = DateTime.UtcNow;
        Assert.InRange(DatagramArrival.OfCurrent(), before, DateTime.UtcNow);
    }

    [Fact]
    public async Task Forwarding_times_count_each_datagram_that_sent_something_from_its_arrival_and_from_its_read_to_its_send()
    {
        using var stamping = await ArrivalStampingOnAsync();
        using var receiver = Bound(IPAddress.Loopback);
        var to = receiver.LocalEndPoint!.Serialize();
        var handled = 0;
        using var othersSent = new ManualResetEventSlim();
        UdpReceiveLoop? loop = null;
        loop = new UdpReceiveLoop(new IPEndPoint(IPAddress.Loopback, 0), (datagram, _) =>
        {
            if (datagram[0] == (byte)'a')
            {
                // The next datagrams are in the socket (on a loaded machine the test's 50 ms delay can outlast this
                // handling, so it waits for them) and wait there meanwhile.
                othersSent.Wait(TimeSpan.FromSeconds(5));
                Thread.Sleep(300);
            }

            if (datagram[0] != (byte)'x')
            {
                loop!.SendTo(datagram, to);
            }

            Interlocked.Increment(ref handled);
        });
        using var disposeLoop = loop;
        var times = new ForwardingTimes();
        loop.ForwardingTimes = times;
        using var sender = Bound(IPAddress.Loopback);

        sender.SendTo("a"u8.ToArray(), loop.LocalEndPoint);
        await Task.Delay(50); // as in the arrival test above: the kernel turns stamping on shortly after it is asked
        sender.SendTo("f"u8.ToArray(), loop.LocalEndPoint);
        sender.SendTo("x"u8.ToArray(), loop.LocalEndPoint);
        othersSent.Set();
        await WaitForAsync(() => Volatile.Read(ref handled) == 3);

        var latency = times.Latency.Snapshot();
        Assert.Equal(2, latency.Sum()); // "x" sent nothing
        // Both took 250 ms or more in the server: "a" handled, "f" waiting. 100 ms is the last bucket's "or more".
        Assert.Equal(TimeSpan.FromMilliseconds(100), LatencyHistogram.Quantile(latency, 0));

        // Handling: "a" took its 300 ms, "f" (which only waited) next to nothing.
        var handling = times.Handling.Snapshot();
        Assert.Equal(2, handling.Sum());
        Assert.True(LatencyHistogram.Quantile(handling, 0.5) < TimeSpan.FromMilliseconds(20), "a packet that only waited was counted as handled slowly");
        Assert.Equal(TimeSpan.FromMilliseconds(100), LatencyHistogram.Quantile(handling, 1));
    }

    /// <summary>In a handler: holds datagram "a" until "b" was sent, then 300 ms more, so "b" waits in the socket meanwhile.</summary>
    private static void HoldTheFirst(ReadOnlySpan<byte> datagram, ManualResetEventSlim secondSent)
    {
        if (datagram[0] == (byte)'a')
        {
            secondSent.Wait(TimeSpan.FromSeconds(5));
            Thread.Sleep(300);
        }
    }

    /// <summary>Sends "a", then "b" while the handler holds "a" (<see cref="HoldTheFirst"/>); returns when "b" was sent, once both were handled.</summary>
    private static async Task<DateTime> SendTheSecondWhileTheFirstIsHeldAsync(Socket sender, UdpReceiveLoop loop, ManualResetEventSlim secondSent, Func<bool> bothHandled)
    {
        sender.SendTo("a"u8.ToArray(), loop.LocalEndPoint);
        await Task.Delay(50);
        var sentAt = DateTime.UtcNow;
        sender.SendTo("b"u8.ToArray(), loop.LocalEndPoint);
        secondSent.Set();
        await WaitForAsync(bothHandled);
        return sentAt;
    }

    /// <summary>
    /// Waits until the kernel stamps datagrams on arrival. A socket's first SIOCGSTAMP switches stamping on for the
    /// whole machine through deferred kernel work, which on a busy machine can come later than the tests' 50 ms; until
    /// then a datagram's stamp is the time it is read. The socket returned keeps stamping on while the test runs.
    /// </summary>
    private static async Task<Socket> ArrivalStampingOnAsync()
    {
        var listener = Bound(IPAddress.Loopback);
        using var sender = Bound(IPAddress.Loopback);
        var buffer = new byte[1];
        var deadline = DateTime.UtcNow.AddSeconds(5);
        _ = LinuxSockets.LastArrival(listener);
        while (DateTime.UtcNow < deadline)
        {
            sender.SendTo("s"u8.ToArray(), listener.LocalEndPoint!);
            await Task.Delay(20);
            listener.Receive(buffer);
            if (DateTime.UtcNow - LinuxSockets.LastArrival(listener) >= TimeSpan.FromMilliseconds(15))
            {
                return listener;
            }
        }

        listener.Dispose();
        throw new Xunit.Sdk.XunitException("the kernel did not start stamping arrivals within 5 s");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the loop did not handle the datagrams within 5 s");
            await Task.Delay(10);
        }
    }
}
