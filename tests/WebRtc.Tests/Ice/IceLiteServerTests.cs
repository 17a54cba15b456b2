using System.Net;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests.Ice;

public sealed class IceLiteServerTests
{
    private const int Sessions = 200;

    private static readonly byte[] RtpLike = [0x80, 0x60, 0x00, 0x01];
    private static readonly byte[] DtlsLike = [22, 0xFE, 0xFD, 0x00];

    [Fact]
    public async Task The_agent_nominates_a_pair_and_datagrams_flow_both_ways()
    {
        using var ice = new IceLoopback();
        var (session, path) = await ice.ConnectAsync();

        Assert.True(session.IsNominated);
        Assert.Equal(path.LocalEndPoint, session.RemoteEndPoint);
        Assert.Equal(ice.Server.LocalEndPoint, path.RemoteEndPoint);

        var atServer = FirstDatagram(session);
        var atAgent = FirstDatagram(path);
        path.Send(RtpLike);
        session.Send(DtlsLike);

        Assert.Equal(RtpLike, await atServer.Within());
        Assert.Equal(DtlsLike, await atAgent.Within());
    }

    [Fact]
    public async Task Many_sessions_share_the_one_port_and_each_gets_only_its_own_datagrams()
    {
        using var ice = new IceLoopback();
        var connected = await Task.WhenAll(Enumerable.Range(0, Sessions).Select(_ => ice.ConnectAsync()));
        var received = connected.Select(pair => Collect(pair.Session)).ToArray();

        for (var i = 0; i < connected.Length; i++)
        {
            connected[i].Path.Send([0x80, (byte)(i >> 8), (byte)i]);
            if (i % 50 == 49)
            {
                // In steps, so a burst never overflows the socket's receive buffer on a busy machine.
                var sent = i + 1;
                await Eventually.TrueAsync(() => received.Take(sent).All(list => list.Count > 0), $"the first {sent} sessions received their datagram");
            }
        }

        for (var i = 0; i < connected.Length; i++)
        {
            Assert.Equal([0x80, (byte)(i >> 8), (byte)i], Assert.Single(received[i]));
        }

        Assert.Equal(Sessions, ice.Server.SessionCount);
        Assert.Equal(0, ice.Server.Counters.StrangerDatagrams);
    }

    [Fact]
    public async Task With_two_receive_threads_sessions_are_spread_over_both_each_stays_on_one_and_answers_leave_from_the_port()
    {
        using var ice = new IceLoopback(receiveThreads: 2);
        Assert.Equal(2, ice.Server.ReceiveThreads);
        var connected = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => ice.ConnectAsync()));
        var threads = connected.Select(_ => new System.Collections.Concurrent.ConcurrentBag<int>()).ToArray();
        for (var i = 0; i < connected.Length; i++)
        {
            var (session, seen) = (connected[i].Session, threads[i]);
            session.Received += datagram =>
            {
                seen.Add(Environment.CurrentManagedThreadId);
                session.Send(datagram); // from the receive thread: leaves in that thread's batch, from the shared port
            };
        }

        var echoes = connected.Select(pair => Collect(pair.Path)).ToArray();
        for (var round = 0; round < 10; round++)
        {
            for (var i = 0; i < connected.Length; i++)
            {
                connected[i].Path.Send([0x80, (byte)i, (byte)round]);
            }
        }

        await Eventually.TrueAsync(() => echoes.All(list => { lock (list) { return list.Count == 10; } }), "every session's 10 datagrams came back");
        for (var i = 0; i < connected.Length; i++)
        {
            Assert.Equal(Enumerable.Range(0, 10).Select(round => new byte[] { 0x80, (byte)i, (byte)round }), echoes[i]);
            Assert.Single(threads[i].Distinct());
        }

        // 40 addresses all hashed to one socket would be a 1 in 2^39 chance.
        Assert.Equal(2, threads.Select(seen => seen.First()).Distinct().Count());
    }

    [Fact]
    public async Task A_strangers_datagrams_are_dropped_and_counted()
    {
        using var ice = new IceLoopback();
        var (session, _) = await ice.ConnectAsync();
        var received = Collect(session);
        using var stranger = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        stranger.Connect(ice.Server.LocalEndPoint);

        stranger.Send(RtpLike);
        stranger.Send(DtlsLike);
        stranger.Send([0x70, 1]);

        await Eventually.TrueAsync(() => ice.Server.Counters.StrangerDatagrams == 2 && ice.Server.Counters.UnclassifiedDatagrams == 1, "the stranger's datagrams were counted");
        Assert.Empty(received);
    }

    [Fact]
    public async Task A_session_without_consent_is_closed_and_its_address_forgotten()
    {
        // The timeout runs from registration, so it must leave the agent's first check time to arrive on a busy machine (300 ms did not).
        using var ice = new IceLoopback(consentTimeout: TimeSpan.FromSeconds(1.5));
        var (session, path) = await ice.ConnectAsync(new IceAgentOptions { ConsentInterval = TimeSpan.FromHours(1) });
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Closed += () => closed.TrySetResult();

        await closed.Task.WaitAsync(Eventually.Patience);
        path.Send(RtpLike);

        Assert.True(session.IsClosed);
        Assert.Equal(0, ice.Server.SessionCount);
        await Eventually.TrueAsync(() => ice.Server.Counters.StrangerDatagrams == 1, "the closed session's address is a stranger again");
    }

    [Fact]
    public async Task Consent_checks_keep_a_session_open_past_the_timeout()
    {
        using var ice = new IceLoopback(consentTimeout: TimeSpan.FromSeconds(1));
        var (session, _) = await ice.ConnectAsync(new IceAgentOptions { ConsentInterval = TimeSpan.FromMilliseconds(100) });

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.False(session.IsClosed);
        Assert.Equal(1, ice.Server.SessionCount);
    }

    private static Task<byte[]> FirstDatagram(IDatagramChannel channel)
    {
        var first = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.Received += datagram => first.TrySetResult(datagram.ToArray());
        return first.Task;
    }

    private static List<byte[]> Collect(IDatagramChannel channel)
    {
        var received = new List<byte[]>();
        channel.Received += datagram =>
        {
            lock (received)
            {
                received.Add(datagram.ToArray());
            }
        };
        return received;
    }
}
