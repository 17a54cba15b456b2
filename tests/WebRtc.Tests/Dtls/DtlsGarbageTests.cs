using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests.Dtls;

public sealed class DtlsGarbageTests
{
    private const int DatagramsEachWay = 300;

    [Fact]
    public async Task A_handshake_completes_while_both_sides_receive_garbage_records()
    {
        using var pair = new LoopbackPair();
        using var stop = new CancellationTokenSource();
        // Until the handshake is done, however long that takes: a capped flood was once over before either side listened.
        var flooding = Task.WhenAll(FloodAsync(pair.A, 1, int.MaxValue, stop.Token), FloodAsync(pair.B, 2, int.MaxValue, stop.Token));

        var (client, server) = await Peers.HandshakeAsync(pair, Peers.Alice(), Peers.Bob());
        await stop.CancelAsync();
        var sent = await flooding;

        Assert.True(sent.Sum() > 0, "no garbage was sent during the handshake");
        Assert.True(client.Succeeded, client.Detail);
        Assert.True(server.Succeeded, server.Detail);
        Assert.Equal(server.Session!.Keys.ClientKey, client.Session!.Keys.ClientKey);
        Assert.True(client.Session.MalformedDropped + server.Session.MalformedDropped > 0, "no garbage was filtered");
    }

    [Fact]
    public async Task Garbage_after_the_handshake_leaves_the_session_working()
    {
        using var pair = new LoopbackPair();
        var (client, server) = await Peers.HandshakeAsync(pair, Peers.Alice(), Peers.Bob());
        var serverClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Session!.Closed += () => serverClosed.TrySetResult();

        var sent = await Task.WhenAll(FloodAsync(pair.A, 3, DatagramsEachWay, CancellationToken.None), FloodAsync(pair.B, 4, DatagramsEachWay, CancellationToken.None));
        await Task.Delay(200);

        Assert.Equal(2 * DatagramsEachWay, sent.Sum());
        Assert.False(client.Session!.IsClosed);
        Assert.False(server.Session.IsClosed);
        Assert.True(client.Session.MalformedDropped > 0 && server.Session.MalformedDropped > 0, "garbage did not arrive");

        // The session still reads real records: the client's close_notify reaches the server.
        client.Session.Close();
        await serverClosed.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>Sends garbage to the peer until cancelled or <paramref name="limit"/> datagrams are out; returns how many.</summary>
    private static async Task<int> FloodAsync(IDatagramChannel channel, int seed, int limit, CancellationToken stop)
    {
        var garbage = new GarbageDatagrams(seed);
        var sent = 0;
        while (sent < limit && !stop.IsCancellationRequested)
        {
            channel.Send(garbage.Next());
            sent++;
            if (sent % 10 == 0)
            {
                await Task.Delay(1, CancellationToken.None);
            }
        }

        return sent;
    }
}
