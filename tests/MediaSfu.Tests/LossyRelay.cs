using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>Which way a datagram crosses the relay.</summary>
public enum RelayDirection
{
    ToServer,
    ToClient,
}

/// <summary>
/// A real UDP relay between clients and the SFU that loses the datagrams <c>drop</c> picks and, when given a
/// <see cref="Bottleneck"/>, carries what goes to the clients through it: clients send to <see cref="EndPoint"/> (the
/// answer's candidate is rewritten to it), each client gets its own socket towards the SFU, and what the SFU sends
/// back on it returns to that client. Each socket is read by a thread of its own, as a
/// network would carry datagrams whatever the test process's thread pool is doing: relayed on pool threads, media
/// waited whenever that pool fell behind (by 700-860 ms, measured) and the video under test froze.
/// </summary>
public sealed class LossyRelay : IDisposable
{
    private readonly Socket front = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly ConcurrentDictionary<IPEndPoint, Socket> legs = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly IPEndPoint server;
    private readonly Func<ReadOnlyMemory<byte>, RelayDirection, bool> drop;
    private readonly Bottleneck? toClients;
    private long forwarded;
    private long dropped;

    public LossyRelay(IPEndPoint server, Func<ReadOnlyMemory<byte>, RelayDirection, bool> drop, Bottleneck? toClients = null)
    {
        this.server = server;
        this.drop = drop;
        this.toClients = toClients;
        front.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)front.LocalEndPoint!;
        Start(FromClients, "relay from clients");
    }

    public IPEndPoint EndPoint { get; }

    public long Forwarded => Interlocked.Read(ref forwarded);

    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>A relay in front of the SFU whose answer is <paramref name="answerSdp"/> (its first candidate).</summary>
    public static LossyRelay InFrontOf(string answerSdp, Func<ReadOnlyMemory<byte>, RelayDirection, bool> drop, Bottleneck? toClients = null) =>
        new(Candidates(answerSdp).First().EndPoint!, drop, toClients);

    /// <summary>Drops nothing.</summary>
    public static bool NoLoss(ReadOnlyMemory<byte> datagram, RelayDirection direction) => false;

    /// <summary>Drops each RTP and RTCP datagram (first byte 128-191) with probability <paramref name="loss"/>; STUN and DTLS pass.</summary>
    public static Func<ReadOnlyMemory<byte>, RelayDirection, bool> RandomMediaLoss(double loss, int seed)
    {
        var random = new Random(seed);
        var gate = new Lock();
        return (datagram, _) =>
        {
            if (datagram.Length == 0 || datagram.Span[0] is < 128 or > 191)
            {
                return false;
            }

            lock (gate)
            {
                return random.NextDouble() < loss;
            }
        };
    }

    /// <summary><paramref name="answerSdp"/> with every candidate replaced by one pointing at this relay.</summary>
    public string Redirect(string answerSdp)
    {
        Assert.True(SdpParser.TryParse(answerSdp, out var answer, out var error), error);
        foreach (var media in answer!.Media.Where(m => m.Candidates.Count > 0))
        {
            media.Candidates.Clear();
            media.Candidates.Add(IceCandidate.Host(EndPoint));
        }

        return SdpWriter.Write(answer);
    }

    public void Dispose()
    {
        stopping.Cancel();
        front.Dispose();
        foreach (var leg in legs.Values)
        {
            leg.Dispose();
        }
    }

    private static IEnumerable<IceCandidate> Candidates(string sdp)
    {
        Assert.True(SdpParser.TryParse(sdp, out var answer, out var error), error);
        return answer!.Media.SelectMany(m => m.Candidates).Where(c => c.EndPoint is not null);
    }

    private static void Start(Action relay, string name) => new Thread(() => relay()) { IsBackground = true, Name = name }.Start();

    private void FromClients()
    {
        var buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (!stopping.IsCancellationRequested)
        {
            int length;
            try
            {
                length = front.ReceiveFrom(buffer, ref from);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                return;
            }

            var client = (IPEndPoint)from;
            var leg = legs.GetOrAdd(client, OpenLeg);
            Pass(buffer.AsMemory(0, length), RelayDirection.ToServer, datagram => leg.SendTo(datagram.Span, server));
        }
    }

    private Socket OpenLeg(IPEndPoint client)
    {
        var leg = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        leg.Bind(new IPEndPoint(IPAddress.Any, 0));
        Start(() => FromServer(leg, client), "relay from server");
        return leg;
    }

    private void FromServer(Socket leg, IPEndPoint client)
    {
        var buffer = new byte[2048];
        while (!stopping.IsCancellationRequested)
        {
            int length;
            try
            {
                length = leg.Receive(buffer);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                return;
            }

            Pass(buffer.AsMemory(0, length), RelayDirection.ToClient, toClients is null
                ? datagram => front.SendTo(datagram.Span, client)
                : datagram => toClients.Offer(datagram, queued => front.SendTo(queued.Span, client)));
        }
    }

    private void Pass(ReadOnlyMemory<byte> datagram, RelayDirection direction, Action<ReadOnlyMemory<byte>> send)
    {
        if (drop(datagram, direction))
        {
            Interlocked.Increment(ref dropped);
            return;
        }

        try
        {
            send(datagram);
            Interlocked.Increment(ref forwarded);
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            // The relay is closing, or the peer went away: a lost datagram, as on a real network.
        }
    }
}
