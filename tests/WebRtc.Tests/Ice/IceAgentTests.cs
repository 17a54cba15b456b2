using System.Net;
using System.Net.Sockets;
using WebRtcChat.WebRtc.Ice;

namespace WebRtcChat.WebRtc.Tests.Ice;

public sealed class IceAgentTests
{
    [Fact]
    public async Task A_dead_higher_priority_candidate_is_passed_over_for_one_that_answers()
    {
        using var ice = new IceLoopback();
        using var agent = new IceAgent(new IceAgentOptions { InitialRetransmissionTimeout = TimeSpan.FromMilliseconds(50), MaxTransmissions = 3 });
        var session = ice.Server.Register(agent.LocalCredentials);
        var dead = IceCandidate.Host(DeadEndPoint()) with { Priority = ice.Server.Candidate.Priority + 1000 };

        var path = await agent.ConnectAsync(session.LocalCredentials, [dead, ice.Server.Candidate]).Within();

        Assert.Equal(ice.Server.LocalEndPoint, path.RemoteEndPoint);
        await Eventually.TrueAsync(() => session.IsNominated, "the server saw the nomination");
    }

    [Fact]
    public void Without_a_candidate_it_can_reach_the_agent_refuses_to_start()
    {
        using var agent = new IceAgent();
        var mdns = new IceCandidate("1", 1, "udp", 100, "0f1e2d3c.local", 5000, IceCandidate.HostType);

        var refused = Assert.Throws<InvalidOperationException>(() => { _ = agent.ConnectAsync(IceCredentials.Generate(), [mdns]); });
        Assert.Contains("No remote UDP candidate", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_no_pair_answers_the_agent_fails()
    {
        using var agent = new IceAgent(new IceAgentOptions { InitialRetransmissionTimeout = TimeSpan.FromMilliseconds(20), MaxTransmissions = 2 });

        await Assert.ThrowsAsync<IceFailedException>(() => agent.ConnectAsync(IceCredentials.Generate(), [IceCandidate.Host(DeadEndPoint())]).Within());
    }

    [Fact]
    public async Task A_dual_stack_server_serves_IPv4_agents_and_reports_their_IPv4_address()
    {
        using var server = new IceLiteServer(new IceLiteServerOptions { BindAddress = IPAddress.IPv6Any, AdvertisedAddress = IPAddress.Loopback });
        using var agent = new IceAgent();
        var session = server.Register(agent.LocalCredentials);

        var path = await agent.ConnectAsync(session.LocalCredentials, [server.Candidate]).Within();

        Assert.Equal(path.LocalEndPoint, session.RemoteEndPoint);
        Assert.Equal(AddressFamily.InterNetwork, session.RemoteEndPoint!.AddressFamily);
    }

    /// <summary>A loopback port nobody listens on (bound, then released).</summary>
    private static IPEndPoint DeadEndPoint()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)socket.LocalEndPoint!;
    }
}
