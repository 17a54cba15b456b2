using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using WebRtcChat.WebRtc.Stun;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>
/// ICE-lite (RFC 8445 §2.5) for every participant on one UDP port. STUN binding requests pick their session by USERNAME
/// and are answered; everything else is routed by the remote address to the session that validated it (RFC 7983
/// demultiplexing), so DTLS and SRTP see only their own peer. Sessions without consent (RFC 7675) are closed. With
/// several receive threads, each peer's datagrams are handled on the one the kernel gives its address to, and what a
/// handler sends leaves from that thread's socket (batched); sends from elsewhere leave from the first.
/// </summary>
public sealed class IceLiteServer : IDisposable
{
    private const int MaxUfragLength = 256;

    private readonly IceLiteServerOptions options;
    private readonly TimeProvider time;
    private readonly UdpReceiveLoop[] loops;
    private readonly ConcurrentDictionary<string, IceLiteSession> byUfrag = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IceLiteSession>.AlternateLookup<ReadOnlySpan<char>> byUfragSpan;
    private readonly ConcurrentDictionary<SocketAddress, RemoteAddress> byAddress = new();
    private readonly ITimer consentSweep;

    public IceLiteServer(IceLiteServerOptions options, TimeProvider? time = null)
    {
        this.options = options;
        this.time = time ?? TimeProvider.System;
        byUfragSpan = byUfrag.GetAlternateLookup<ReadOnlySpan<char>>();
        var threads = OperatingSystem.IsLinux() ? Math.Max(1, options.ReceiveThreads) : 1;
        var first = new UdpReceiveLoop(new IPEndPoint(options.BindAddress, options.Port), OnDatagram, sharePort: threads > 1, options.ReceiveThreadPriority, options.FanOutHelpers);
        loops = [first, .. Enumerable.Range(1, threads - 1).Select(_ => new UdpReceiveLoop(first.LocalEndPoint, OnDatagram, sharePort: true, options.ReceiveThreadPriority, options.FanOutHelpers))];
        LocalEndPoint = first.LocalEndPoint;
        Candidate = IceCandidate.Host(new IPEndPoint(options.AdvertisedAddress ?? AdvertisableAddress(LocalEndPoint.Address), LocalEndPoint.Port));
        consentSweep = this.time.CreateTimer(_ => CloseSessionsWithoutConsent(), null, options.ConsentSweepInterval, options.ConsentSweepInterval);
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The one host candidate every session's answer carries (advertised address, bound port).</summary>
    public IceCandidate Candidate { get; }

    public IceLiteCounters Counters { get; } = new();

    /// <summary>Where forwarded packets' time in the server is counted, when set (one more system call per datagram: for measuring).</summary>
    public ForwardingTimes? ForwardingTimes
    {
        get => loops[0].ForwardingTimes;
        set
        {
            foreach (var loop in loops)
            {
                loop.ForwardingTimes = value;
            }
        }
    }

    /// <summary>How many threads receive on the port.</summary>
    public int ReceiveThreads => loops.Length;

    /// <summary>How many of them run at the real-time priority asked for (they raise it as they start).</summary>
    public int RealtimeReceiveThreads => loops.Count(loop => loop.IsRealtime);

    public int SessionCount => byUfrag.Count;

    /// <summary>Whether the receive threads have fan-out helpers.</summary>
    public bool HasFanOutHelpers => loops[0].Helper is not null;

    /// <summary>Datagrams whose handling threw (a bug): the loop survived them; tests expect none.</summary>
    internal long ReceiveFaults => loops.Sum(loop => loop.HandlerFaults);

    /// <summary>A new session with fresh random local credentials, for a peer whose SDP gave <paramref name="remote"/>.</summary>
    public IceLiteSession Register(IceCredentials remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        while (true)
        {
            var session = new IceLiteSession(this, IceCredentials.Generate(), remote, time.GetTimestamp());
            if (byUfrag.TryAdd(session.LocalCredentials.Ufrag, session))
            {
                return session;
            }
        }
    }

    public void Dispose()
    {
        consentSweep.Dispose();
        foreach (var loop in loops)
        {
            loop.Dispose();
        }

        foreach (var session in byUfrag.Values)
        {
            session.Close();
        }
    }

    internal void SendTo(ReadOnlySpan<byte> datagram, SocketAddress to) =>
        (UdpReceiveLoop.Current is { } current && Array.IndexOf(loops, current) >= 0 ? current : loops[0]).SendTo(datagram, to);

    internal void Forget(IceLiteSession session)
    {
        byUfrag.TryRemove(new KeyValuePair<string, IceLiteSession>(session.LocalCredentials.Ufrag, session));
        foreach (var address in session.ValidatedAddresses)
        {
            byAddress.TryRemove(new KeyValuePair<SocketAddress, RemoteAddress>(address.Address, address));
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        switch (DatagramClassifier.Classify(datagram))
        {
            case DatagramKind.Stun:
                OnStun(datagram, from);
                break;
            case DatagramKind.Dtls or DatagramKind.Rtp:
                if (byAddress.TryGetValue(from, out var known))
                {
                    known.Session.Deliver(datagram);
                }
                else
                {
                    Counters.CountStranger();
                }

                break;
            default:
                Counters.CountUnclassified();
                break;
        }
    }

    private void OnStun(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        if (StunMessage.TryParse(datagram, out var request) != StunParseResult.Ok)
        {
            Counters.CountMalformedStun();
            return;
        }

        if (request.Type == StunMessageType.BindingIndication)
        {
            return;
        }

        if (request.Type != StunMessageType.BindingRequest)
        {
            Counters.CountMalformedStun();
            return;
        }

        var session = SessionOf(request.Username);
        var error = session is null ? StunErrorCode.Unauthorized : BindingMessages.Validate(request, session.LocalCredentials);
        if (error == 0 && request.IceControlled is not null)
        {
            // A lite agent is always controlled; a peer that also claims the controlled role must switch (RFC 8445 §7.3.1.1).
            error = StunErrorCode.RoleConflict;
        }

        if (error != 0)
        {
            Counters.CountRejected();
            Span<byte> rejection = stackalloc byte[BindingMessages.MaxLength];
            SendTo(rejection[..BindingMessages.WriteError(rejection, request.TransactionId, error)], from);
            return;
        }

        var remote = AddressFor(from, session!);
        session!.Validated(remote, time.GetTimestamp(), request.UseCandidate, request.Priority ?? 0);
        Span<byte> response = stackalloc byte[BindingMessages.MaxLength];
        SendTo(response[..BindingMessages.WriteSuccess(response, request.TransactionId, remote.EndPoint, session.LocalCredentials)], from);
    }

    /// <summary>USERNAME is "our ufrag:their ufrag"; the session is found without allocating a string.</summary>
    private IceLiteSession? SessionOf(ReadOnlySpan<byte> username)
    {
        var colon = username.IndexOf((byte)':');
        if (colon is <= 0 or > MaxUfragLength)
        {
            return null;
        }

        Span<char> ufrag = stackalloc char[colon];
        if (Encoding.ASCII.GetChars(username[..colon], ufrag) != colon || !byUfragSpan.TryGetValue(ufrag, out var session))
        {
            return null;
        }

        var theirs = username[(colon + 1)..];
        return !session.IsClosed && Encoding.ASCII.GetByteCount(session.RemoteCredentials.Ufrag) == theirs.Length
            && MatchesAscii(theirs, session.RemoteCredentials.Ufrag) ? session : null;
    }

    private static bool MatchesAscii(ReadOnlySpan<byte> bytes, string text)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The known entry for this address and session; a new one (allocated once) the first time they pair up.</summary>
    private RemoteAddress AddressFor(SocketAddress from, IceLiteSession session)
    {
        if (byAddress.TryGetValue(from, out var known) && ReferenceEquals(known.Session, session))
        {
            return known;
        }

        var copy = RemoteAddress.Copy(from);
        var entry = new RemoteAddress(copy, session);
        byAddress[copy] = entry;
        return entry;
    }

    /// <summary>Bound to all interfaces and nothing advertised: the first interface address, so the candidate is reachable.</summary>
    private static IPAddress AdvertisableAddress(IPAddress bound) =>
        bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any)
            ? HostAddresses.Gather(includeNonLoopback: true).FirstOrDefault(address => !IPAddress.IsLoopback(address) && address.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Loopback
            : bound;

    private void CloseSessionsWithoutConsent()
    {
        foreach (var session in byUfrag.Values)
        {
            if (time.GetElapsedTime(session.LastConsentTimestamp) > options.ConsentTimeout)
            {
                session.Close();
            }
        }
    }
}
