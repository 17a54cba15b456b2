using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests.Ice;

/// <summary>A receive loop's fan-out helper runs part of the handler's chunks: each chunk once, all done when the handler goes on.</summary>
public sealed class FanOutHelperTests
{
    private const int Chunks = 8;

    [Fact]
    public async Task Every_chunk_of_every_fan_out_runs_once_on_the_receive_thread_or_the_helper_before_the_handler_goes_on()
    {
        const int FanOuts = 400;
        var runs = new int[FanOuts * Chunks];
        var threads = new ConcurrentDictionary<int, byte>();
        var unfinishedAfterRun = 0;
        var handled = 0;
        using var loop = new UdpReceiveLoop(new IPEndPoint(IPAddress.Loopback, 0), (datagram, _) =>
        {
            var fanOut = BitConverter.ToInt32(datagram);
            FanOutHelper.Current!.Run(new CountingWork(chunk =>
            {
                threads.TryAdd(Environment.CurrentManagedThreadId, 0);
                Thread.SpinWait(2_000); // a few copies' worth of work, then counted as done
                Interlocked.Increment(ref runs[(fanOut * Chunks) + chunk]);
            }), Chunks);
            if (runs.AsSpan(fanOut * Chunks, Chunks).ContainsAnyExcept(1))
            {
                Interlocked.Increment(ref unfinishedAfterRun);
            }

            Interlocked.Increment(ref handled);
        }, fanOutHelper: true);
        using var sender = UdpReceiveLoopTests.Bound(IPAddress.Loopback);

        for (var fanOut = 0; fanOut < FanOuts; fanOut++)
        {
            sender.SendTo(BitConverter.GetBytes(fanOut), loop.LocalEndPoint);
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref handled) == FanOuts, "every fan-out handled");
        Assert.All(runs, count => Assert.Equal(1, count));
        Assert.Equal(0, unfinishedAfterRun);
        Assert.True(loop.Helper!.HelpedChunks > 0, "the helper ran no chunk");
        Assert.Equal(2, threads.Count);
        Assert.Equal(0, loop.HandlerFaults);
    }

    [Fact]
    public async Task Copies_the_helper_sends_leave_from_the_loops_port_each_once()
    {
        const int FanOuts = 150;
        using var receiver = UdpReceiveLoopTests.Bound(IPAddress.Loopback);
        ReceiveBuffer.Enlarge(receiver, 4 * 1024 * 1024);
        var target = receiver.LocalEndPoint!.Serialize();
        UdpReceiveLoop? loop = null;
        loop = new UdpReceiveLoop(new IPEndPoint(IPAddress.Loopback, 0), (datagram, _) =>
        {
            var fanOut = BitConverter.ToInt32(datagram);
            FanOutHelper.Current!.Run(new CountingWork(chunk =>
            {
                loop!.SendTo(BitConverter.GetBytes((fanOut * Chunks) + chunk), target);
                Thread.SpinWait(2_000);
            }), Chunks);
        }, fanOutHelper: true);
        using var disposeLoop = loop;
        using var sender = UdpReceiveLoopTests.Bound(IPAddress.Loopback);

        for (var fanOut = 0; fanOut < FanOuts; fanOut++)
        {
            sender.SendTo(BitConverter.GetBytes(fanOut), loop.LocalEndPoint);
        }

        var received = new int[FanOuts * Chunks];
        var buffer = new byte[16];
        for (var i = 0; i < received.Length; i++)
        {
            var result = await receiver.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0)).WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(4, result.ReceivedBytes);
            Assert.Equal(loop.LocalEndPoint.Port, ((IPEndPoint)result.RemoteEndPoint).Port);
            received[BitConverter.ToInt32(buffer)]++;
        }

        Assert.All(received, count => Assert.Equal(1, count));
        Assert.True(loop.Helper!.HelpedChunks > 0, "the helper sent no copy");
        Assert.Equal(0, loop.RefusedSends);
    }

    [Fact]
    public async Task A_chunk_that_throws_leaves_the_others_run_and_surfaces_after_them()
    {
        var runs = new int[Chunks];
        Exception? surfaced = null;
        var done = new TaskCompletionSource();
        using var loop = new UdpReceiveLoop(new IPEndPoint(IPAddress.Loopback, 0), (_, _) =>
        {
            try
            {
                FanOutHelper.Current!.Run(new CountingWork(chunk =>
                {
                    Interlocked.Increment(ref runs[chunk]);
                    Thread.SpinWait(2_000);
                    if (chunk == 3)
                    {
                        throw new InvalidOperationException("chunk 3");
                    }
                }), Chunks);
            }
            catch (InvalidOperationException e)
            {
                surfaced = e;
            }

            done.SetResult();
        }, fanOutHelper: true);
        using var sender = UdpReceiveLoopTests.Bound(IPAddress.Loopback);

        sender.SendTo("go"u8.ToArray(), loop.LocalEndPoint);

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(runs, count => Assert.Equal(1, count));
        Assert.Equal("chunk 3", surfaced?.Message);
    }

    [Fact]
    public async Task A_loop_without_a_helper_gives_none_to_its_handler()
    {
        var asked = new TaskCompletionSource<FanOutHelper?>();
        using var loop = new UdpReceiveLoop(new IPEndPoint(IPAddress.Loopback, 0), (_, _) => asked.TrySetResult(FanOutHelper.Current));
        using var sender = UdpReceiveLoopTests.Bound(IPAddress.Loopback);

        sender.SendTo("go"u8.ToArray(), loop.LocalEndPoint);

        Assert.Null(await asked.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Null(loop.Helper);
    }

    private sealed class CountingWork(Action<int> chunk) : IChunkedWork
    {
        public void RunChunk(int chunkIndex) => chunk(chunkIndex);
    }
}
