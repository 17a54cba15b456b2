using System.Net;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Stun;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests.Ice;

public sealed class IceLiteFuzzTests
{
    private const int Datagrams = 5000;
    private const int Batch = 50;

    [Fact]
    public async Task Random_and_mutated_STUN_from_a_stranger_never_disturbs_a_connected_session()
    {
        using var ice = new IceLoopback();
        var (session, path) = await ice.ConnectAsync();
        var received = 0;
        session.Received += _ => Interlocked.Increment(ref received);
        using var attacker = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        attacker.Connect(ice.Server.LocalEndPoint);
        var valid = ValidRequest(session);
        var random = new Random(5769);

        for (var i = 1; i <= Datagrams; i++)
        {
            attacker.Send(Mutate(valid, random, i));
            if (i % Batch == 0)
            {
                // The session's own datagram after each batch must get through; waiting for it also keeps the socket buffer from overflowing.
                path.Send([0x80, 0x60, 0, 1]);
                var expected = i / Batch;
                await Eventually.TrueAsync(() => Volatile.Read(ref received) == expected, $"the session's datagram {expected} arrived");
            }
        }

        Assert.Equal(0, ice.Server.ReceiveFaults);
        Assert.False(session.IsClosed);
        Assert.Equal(path.LocalEndPoint, session.RemoteEndPoint);
        Assert.True(ice.Server.Counters.MalformedStun + ice.Server.Counters.RejectedBindingRequests > Datagrams / 2);
    }

    /// <summary>A correct binding request for the session, from the agent's side, as the mutations' starting point.</summary>
    private static byte[] ValidRequest(IceLiteSession session)
    {
        var buffer = new byte[256];
        var id = new byte[12];
        StunWriter.NewTransactionId(id);
        var writer = new StunWriter(buffer, StunMessageType.BindingRequest, id);
        writer.AddUsername(session.LocalCredentials.Ufrag + ":" + session.RemoteCredentials.Ufrag);
        writer.AddPriority(1);
        writer.AddIceControlling(1);
        writer.AddMessageIntegrity(session.LocalCredentials.Password);
        writer.AddFingerprint();
        return buffer[..writer.Length];
    }

    private static byte[] Mutate(byte[] valid, Random random, int i)
    {
        if (i % 3 == 0)
        {
            var noise = new byte[random.Next(1, 200)];
            random.NextBytes(noise);
            noise[0] &= 0x03;
            return noise;
        }

        var mutated = valid[..random.Next(1, valid.Length + 1)];
        for (var flips = random.Next(1, 4); flips > 0; flips--)
        {
            mutated[random.Next(mutated.Length)] ^= (byte)random.Next(1, 256);
        }

        mutated[0] &= 0x03;
        return mutated;
    }
}
