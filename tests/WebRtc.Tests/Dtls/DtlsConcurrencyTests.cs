using System.Diagnostics;
using WebRtcChat.WebRtc.Dtls;
using Xunit.Abstractions;

namespace WebRtcChat.WebRtc.Tests.Dtls;

public sealed class DtlsConcurrencyTests(ITestOutputHelper output)
{
    private const int Pairs = 50;

    [Fact]
    public async Task Fifty_concurrent_handshakes_on_loopback_all_complete()
    {
        var pairs = Enumerable.Range(0, Pairs).Select(_ => new LoopbackPair()).ToArray();
        var (client, server) = (Peers.Alice(), Peers.Bob());
        var threadsBefore = Process.GetCurrentProcess().Threads.Count;
        var peakThreads = threadsBefore;
        var peakInFlight = 0;
        using var sampler = new Timer(_ =>
        {
            peakThreads = Math.Max(peakThreads, Process.GetCurrentProcess().Threads.Count);
            peakInFlight = Math.Max(peakInFlight, client.HandshakesInFlight + server.HandshakesInFlight);
        }, null, 0, 5);
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(pairs.Select(pair => Peers.HandshakeAsync(pair, client, server)));
        clock.Stop();

        output.WriteLine($"{Pairs} concurrent handshakes: {clock.ElapsedMilliseconds} ms wall, threads {threadsBefore} before, "
            + $"{peakThreads} at peak, {peakInFlight} handshake threads at peak, {client.HandshakesInFlight + server.HandshakesInFlight} after");
        Assert.All(results, result =>
        {
            Assert.True(result.Client.Succeeded, result.Client.Detail);
            Assert.True(result.Server.Succeeded, result.Server.Detail);
            Assert.Equal(result.Server.Session!.Keys.ServerKey, result.Client.Session!.Keys.ServerKey);
        });
        Assert.Equal(Pairs, results.Select(result => Convert.ToHexString(result.Client.Session!.Keys.ClientKey)).Distinct().Count());
        Assert.Equal(0, client.HandshakesInFlight + server.HandshakesInFlight);
        foreach (var pair in pairs)
        {
            pair.Dispose();
        }
    }

    [Fact]
    public async Task Handshakes_beyond_the_concurrency_limit_wait_for_a_slot_and_still_complete()
    {
        var limited = new DtlsOptions { MaxConcurrentHandshakes = 2 };
        var (client, server) = (Peers.Alice(limited), Peers.Bob(limited));
        var pairs = Enumerable.Range(0, 6).Select(_ => new LoopbackPair()).ToArray();
        var peakInFlight = 0;
        using var sampler = new Timer(_ => peakInFlight = Math.Max(peakInFlight, server.HandshakesInFlight), null, 0, 1);

        var results = await Task.WhenAll(pairs.Select(pair => Peers.HandshakeAsync(pair, client, server)));

        Assert.All(results, result => Assert.True(result.Server.Succeeded, result.Server.Detail));
        Assert.InRange(peakInFlight, 1, 2);
        foreach (var pair in pairs)
        {
            pair.Dispose();
        }
    }

    [Fact]
    public async Task Handshake_time_on_loopback()
    {
        const int Runs = 20;
        var (client, server) = (Peers.Alice(), Peers.Bob());
        var times = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            using var pair = new LoopbackPair();
            var clock = Stopwatch.StartNew();
            var (clientResult, serverResult) = await Peers.HandshakeAsync(pair, client, server);
            times.Add(clock.Elapsed.TotalMilliseconds);
            Assert.True(clientResult.Succeeded && serverResult.Succeeded, clientResult.Detail + " / " + serverResult.Detail);
        }

        times.Sort();
        output.WriteLine($"handshake on loopback over {Runs} runs: p50 {times[Runs / 2]:F1} ms, p90 {times[Runs * 9 / 10]:F1} ms, "
            + $"min {times[0]:F1} ms, max {times[^1]:F1} ms");
        Assert.True(times[Runs / 2] < 1000, $"p50 {times[Runs / 2]:F1} ms");
    }
}
