using System.Net;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>
/// One participant on the shared ICE-lite port: its credentials, the remote addresses its checks validated, the nominated
/// one, and the datagram channel DTLS and SRTP run on.
/// </summary>
public sealed class IceLiteSession : IDatagramChannel
{
    private readonly IceLiteServer server;
    private readonly List<RemoteAddress> validated = [];
    private RemoteAddress? nominated;
    private uint nominatedPriority;
    private long lastConsentTimestamp;
    private int closed;

    internal IceLiteSession(IceLiteServer server, IceCredentials local, IceCredentials remote, long now)
    {
        this.server = server;
        LocalCredentials = local;
        RemoteCredentials = remote;
        lastConsentTimestamp = now;
    }

    public IceCredentials LocalCredentials { get; }

    public IceCredentials RemoteCredentials { get; }

    /// <summary>The remote address media goes to: the nominated one, or before nomination the latest validated one.</summary>
    public IPEndPoint? RemoteEndPoint => (nominated ?? LatestValidated)?.EndPoint;

    /// <summary>True once the controlling peer nominated a pair with USE-CANDIDATE.</summary>
    public bool IsNominated => nominated is not null;

    public bool IsClosed => Volatile.Read(ref closed) == 1;

    public event DatagramHandler? Received;

    public event Action? Closed;

    private RemoteAddress? LatestValidated
    {
        get
        {
            lock (validated)
            {
                return validated.Count > 0 ? validated[^1] : null;
            }
        }
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        var to = nominated ?? LatestValidated;
        if (to is not null && !IsClosed)
        {
            server.SendTo(datagram, to.Address);
        }
    }

    /// <summary>Ends the session: its addresses stop being accepted and <see cref="Closed"/> is raised once.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref closed, 1) == 1)
        {
            return;
        }

        server.Forget(this);
        Closed?.Invoke();
    }

    internal long LastConsentTimestamp => Interlocked.Read(ref lastConsentTimestamp);

    internal IReadOnlyList<RemoteAddress> ValidatedAddresses
    {
        get
        {
            lock (validated)
            {
                return [.. validated];
            }
        }
    }

    internal void Deliver(ReadOnlySpan<byte> datagram) => Received?.Invoke(datagram);

    /// <summary>A valid binding request arrived from <paramref name="from"/>: consent renewed, maybe a (new) nomination.</summary>
    internal void Validated(RemoteAddress from, long now, bool useCandidate, uint priority)
    {
        Interlocked.Exchange(ref lastConsentTimestamp, now);
        lock (validated)
        {
            if (!validated.Contains(from))
            {
                validated.Add(from);
            }

            if (useCandidate && (nominated is null || priority > nominatedPriority || ReferenceEquals(nominated, from)))
            {
                nominated = from;
                nominatedPriority = priority;
            }
        }
    }
}
