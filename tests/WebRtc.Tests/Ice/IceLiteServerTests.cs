using System.Net;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests.Ice;

public sealed class IceLiteServerTests
{
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
        var connected = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => ice.ConnectAsync()));
        var received = connected.Select(pair => Collect(pair.Session)).ToArray();

        for (var i = 0; i < connected.Length; i++)
        {
            connected[i].Path.Send([0x80, (byte)i]);
        }

        await Eventually.TrueAsync(() => received.All(list => list.Count > 0), "every session received its datagram");
        for (var i = 0; i < connected.Length; i++)
        {
            Assert.Equal([0x80, (byte)i], Assert.Single(received[i]));
        }

        Assert.Equal(40, ice.Server.SessionCount);
        Assert.Equal(0, ice.Server.Counters.StrangerDatagrams);
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
        using var ice = new IceLoopback(consentTimeout: TimeSpan.FromMilliseconds(300));
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
        using var ice = new IceLoopback(consentTimeout: TimeSpan.FromMilliseconds(400));
        var (session, _) = await ice.ConnectAsync(new IceAgentOptions { ConsentInterval = TimeSpan.FromMilliseconds(100) });

        await Task.Delay(1200);

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
