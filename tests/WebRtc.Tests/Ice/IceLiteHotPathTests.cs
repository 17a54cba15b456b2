using Xunit.Abstractions;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests.Ice;

/// <summary>Runs alone: it reads the process-wide allocation counter.</summary>
[CollectionDefinition(nameof(IceLiteHotPathTests), DisableParallelization = true)]
public sealed class IceLiteHotPathCollection;

[Collection(nameof(IceLiteHotPathTests))]
public sealed class IceLiteHotPathTests(ITestOutputHelper output)
{
    private const int Datagrams = 20_000;

    [Fact]
    public async Task Routing_a_datagram_to_its_session_allocates_nothing()
    {
        using var ice = new IceLoopback();
        var (session, path) = await ice.ConnectAsync();
        var received = 0;
        session.Received += _ => Interlocked.Increment(ref received);
        byte[] datagram = [0x80, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1];
        SendAndWait(path, datagram, 1000, () => Volatile.Read(ref received));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        SendAndWait(path, datagram, Datagrams, () => Volatile.Read(ref received) - 1000);
        var perDatagram = (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / Datagrams;

        output.WriteLine($"{perDatagram:F2} bytes allocated per routed datagram (whole process)");

        // Whole-process count (test runner, timers, the sending side included); one boxed object per datagram would be ≥ 24 bytes.
        Assert.True(perDatagram < 8, $"{perDatagram:F1} bytes allocated per datagram");
    }

    /// <summary>Sends in steps the receiver keeps up with, waiting without allocating (so the count measures the route).</summary>
    private static void SendAndWait(IDatagramChannel sender, byte[] datagram, int count, Func<int> delivered)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            sender.Send(datagram);
            while (delivered() < i + 1 - 64 || (i == count - 1 && delivered() < count))
            {
                if (stopwatch.Elapsed > Eventually.Patience)
                {
                    Assert.Fail($"{delivered()} of {i + 1} datagrams delivered");
                }

                Thread.Sleep(0);
            }
        }
    }
}
