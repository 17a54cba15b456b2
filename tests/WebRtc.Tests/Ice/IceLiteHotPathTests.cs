using WebRtcChat.WebRtc.Transport;
using Xunit.Abstractions;

namespace WebRtcChat.WebRtc.Tests.Ice;

public sealed class IceLiteHotPathTests(ITestOutputHelper output)
{
    private const int Warmup = 1000;
    private const int Datagrams = 20_000;

    [Fact]
    public async Task Routing_a_datagram_to_its_session_allocates_nothing()
    {
        using var ice = new IceLoopback();
        var (session, path) = await ice.ConnectAsync();
        var meter = new ReceiveLoopAllocations();
        session.Received += _ => meter.Delivered();
        byte[] datagram = [0x80, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1];
        SendAndWait(path, datagram, Warmup, meter);
        meter.Reset();

        SendAndWait(path, datagram, Datagrams, meter);

        output.WriteLine($"{meter.AllocationFree} of {meter.Samples} routed datagrams allocated nothing; mean {meter.BytesPerDatagram:F3} bytes");
        Assert.True(meter.Samples > Datagrams / 10, $"only {meter.Samples} consecutive deliveries on one thread");
        Assert.True(meter.AllocationFree > meter.Samples * 0.9, $"only {meter.AllocationFree} of {meter.Samples} datagrams were routed without allocating");
    }

    /// <summary>Sends in steps the receiver keeps up with (so the socket buffer never overflows), waiting without allocating.</summary>
    private static void SendAndWait(IDatagramChannel sender, byte[] datagram, int count, ReceiveLoopAllocations meter)
    {
        var start = meter.Count;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            sender.Send(datagram);
            while (meter.Count - start < i + 1 - 64 || (i == count - 1 && meter.Count - start < count))
            {
                if (stopwatch.Elapsed > Eventually.Patience)
                {
                    Assert.Fail($"{meter.Count - start} of {i + 1} datagrams delivered");
                }

                Thread.Sleep(0);
            }
        }
    }

    /// <summary>
    /// What the receive loop allocates between two deliveries on the same thread: the receive, demultiplexing and lookup of
    /// one datagram. A pool thread may run the test host's own work in between (that shows up as rare large deltas), so the
    /// verdict is how many deltas are zero, not their mean.
    /// </summary>
    private sealed class ReceiveLoopAllocations
    {
        private int count;
        private int lastThread;
        private long lastAllocated;
        private long bytes;

        public long AllocationFree { get; private set; }

        public int Count => Volatile.Read(ref count);

        public long Samples { get; private set; }

        public double BytesPerDatagram => (double)bytes / Samples;

        public void Delivered()
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var thread = Environment.CurrentManagedThreadId;
            if (thread == lastThread)
            {
                bytes += allocated - lastAllocated;
                Samples++;
                AllocationFree += allocated == lastAllocated ? 1 : 0;
            }

            lastThread = thread;
            lastAllocated = GC.GetAllocatedBytesForCurrentThread();
            Interlocked.Increment(ref count);
        }

        public void Reset()
        {
            bytes = 0;
            Samples = 0;
            AllocationFree = 0;
        }
    }
}
