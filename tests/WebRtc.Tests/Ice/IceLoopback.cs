using System.Net;
using WebRtcChat.WebRtc.Ice;

namespace WebRtcChat.WebRtc.Tests.Ice;

/// <summary>An ICE-lite server on loopback and controlling agents connected to it, disposed together.</summary>
internal sealed class IceLoopback : IDisposable
{
    private readonly List<IceAgent> agents = [];

    public IceLoopback(TimeSpan? consentTimeout = null, int receiveThreads = 1)
    {
        Server = new IceLiteServer(new IceLiteServerOptions
        {
            BindAddress = IPAddress.Loopback,
            ConsentTimeout = consentTimeout ?? TimeSpan.FromSeconds(30),
            ConsentSweepInterval = TimeSpan.FromMilliseconds(50),
            ReceiveThreads = receiveThreads,
        });
    }

    public IceLiteServer Server { get; }

    /// <summary>Registers a session for a new agent and runs the agent's checks against the server's candidate.</summary>
    public async Task<(IceLiteSession Session, IcePath Path)> ConnectAsync(IceAgentOptions? options = null)
    {
        var agent = new IceAgent(options);
        agents.Add(agent);
        var session = Server.Register(agent.LocalCredentials);
        var path = await agent.ConnectAsync(session.LocalCredentials, [Server.Candidate]).Within();
        return (session, path);
    }

    public IceAgent NewAgent()
    {
        var agent = new IceAgent();
        agents.Add(agent);
        return agent;
    }

    public void Dispose()
    {
        foreach (var agent in agents)
        {
            agent.Dispose();
        }

        Server.Dispose();
    }
}
