using System.Net;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Stun;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests.Ice;

public sealed class IceLiteRejectionTests
{
    [Fact]
    public async Task An_agent_with_the_wrong_password_fails_with_401_and_is_counted()
    {
        using var ice = new IceLoopback();
        var agent = ice.NewAgent();
        var session = ice.Server.Register(agent.LocalCredentials);
        var wrong = new IceCredentials(session.LocalCredentials.Ufrag, "not-the-password-at-all");

        await Assert.ThrowsAsync<IceFailedException>(() => agent.ConnectAsync(wrong, [ice.Server.Candidate]).WaitAsync(Eventually.Patience));

        Assert.True(ice.Server.Counters.RejectedBindingRequests >= 1);
        Assert.False(session.IsNominated);
    }

    [Theory]
    [InlineData("no integrity", StunErrorCode.BadRequest)]
    [InlineData("unknown ufrag", StunErrorCode.Unauthorized)]
    [InlineData("wrong password", StunErrorCode.Unauthorized)]
    [InlineData("controlled peer", StunErrorCode.RoleConflict)]
    public async Task Bad_binding_requests_get_an_error_response(string fault, int expected)
    {
        using var ice = new IceLoopback();
        var peer = IceCredentials.Generate();
        var session = ice.Server.Register(peer);
        using var client = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        var answer = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Received += datagram => answer.TrySetResult(StunMessage.TryParse(datagram, out var response) == StunParseResult.Ok ? response.ErrorCode : -1);
        client.Connect(ice.Server.LocalEndPoint);

        client.Send(Request(fault, session.LocalCredentials, peer));

        Assert.Equal(expected, await answer.Task.Within());
        Assert.Equal(1, ice.Server.Counters.RejectedBindingRequests);
        Assert.Null(session.RemoteEndPoint);
    }

    [Fact]
    public async Task Malformed_STUN_is_dropped_and_counted()
    {
        using var ice = new IceLoopback();
        using var client = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        client.Connect(ice.Server.LocalEndPoint);

        client.Send([0x00, 0x01, 0x00, 0x04, 0x21, 0x12]);
        client.Send(new byte[20]);

        await Eventually.TrueAsync(() => ice.Server.Counters.MalformedStun == 2, "both malformed datagrams were counted");
    }

    private static byte[] Request(string fault, IceCredentials server, IceCredentials peer)
    {
        var buffer = new byte[256];
        var id = new byte[12];
        StunWriter.NewTransactionId(id);
        var writer = new StunWriter(buffer, StunMessageType.BindingRequest, id);
        writer.AddUsername((fault == "unknown ufrag" ? "nobody" : server.Ufrag) + ":" + peer.Ufrag);
        writer.AddPriority(1);
        if (fault == "controlled peer")
        {
            writer.AddIceControlled(7);
        }
        else
        {
            writer.AddIceControlling(7);
        }

        if (fault != "no integrity")
        {
            writer.AddMessageIntegrity(fault == "wrong password" ? "a wrong password of 24 ch" : server.Password);
        }

        writer.AddFingerprint();
        return buffer[..writer.Length];
    }
}
