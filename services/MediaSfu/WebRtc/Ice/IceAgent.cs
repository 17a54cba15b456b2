using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using WebRtcChat.WebRtc.Stun;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>
/// A full ICE agent in the controlling role (RFC 8445) with host candidates: paced connectivity checks with retransmission
/// timers, regular nomination of the first pair that works, then consent checks (RFC 7675) on the selected pair, which
/// is handed out as an <see cref="IcePath"/>.
/// </summary>
public sealed class IceAgent : IDisposable
{
    private readonly IceAgentOptions options;
    private readonly TimeProvider time;
    private readonly List<LocalSocket> locals = [];
    private readonly Lock gate = new();
    private readonly Dictionary<UInt128, StunTransaction> transactions = [];
    private readonly TaskCompletionSource<IcePath> selection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ulong tieBreaker = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
    private readonly byte[] responseBuffer = new byte[BindingMessages.MaxLength];
    private List<CandidatePair> pairs = [];
    private IceCredentials? remote;
    private ITimer? pacing;
    private ITimer? consent;
    private bool nominating;
    private long lastConsentTimestamp;
    private IcePath? selected;
    private long droppedFromStrangers;

    public IceAgent(IceAgentOptions? options = null, TimeProvider? time = null)
    {
        this.options = options ?? new IceAgentOptions();
        this.time = time ?? TimeProvider.System;
        var addresses = HostAddresses.Gather(this.options.IncludeNonLoopback);
        for (var i = 0; i < addresses.Count; i++)
        {
            LocalSocket? local = null;
            var loop = new UdpReceiveLoop(new IPEndPoint(addresses[i], 0), (datagram, from) => OnDatagram(local!, datagram, from));
            local = new LocalSocket { Loop = loop, Candidate = IceCandidate.Host(loop.LocalEndPoint, 65535 - i) };
            locals.Add(local);
        }
    }

    public IceCredentials LocalCredentials { get; } = IceCredentials.Generate();

    public IReadOnlyList<IceCandidate> LocalCandidates => [.. locals.Select(local => local.Candidate)];

    /// <summary>Whether each datagram's kernel arrival time is read (see <see cref="IcePath.Arrival"/>): for measuring.</summary>
    public bool StampArrivals
    {
        set
        {
            foreach (var local in locals)
            {
                local.Loop.StampArrivals = value;
            }
        }
    }

    /// <summary>Non-STUN datagrams that did not come from the selected pair's remote address.</summary>
    public long DroppedFromStrangers => Interlocked.Read(ref droppedFromStrangers);

    /// <summary>Checks every usable pair against the remote candidates and returns the nominated path.</summary>
    public Task<IcePath> ConnectAsync(IceCredentials remoteCredentials, IEnumerable<IceCandidate> remoteCandidates, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (remote is not null)
            {
                throw new InvalidOperationException("ConnectAsync runs once per agent.");
            }

            remote = remoteCredentials;
            pairs = PairUp(remoteCandidates);
            if (pairs.Count == 0)
            {
                throw new InvalidOperationException("No remote UDP candidate with an IP address matches a local candidate's address family.");
            }

            pacing = time.CreateTimer(_ => StartNextCheck(), null, TimeSpan.Zero, options.Pacing);
        }

        return selection.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        lock (gate)
        {
            pacing?.Dispose();
            consent?.Dispose();
            foreach (var transaction in transactions.Values)
            {
                transaction.Retransmission?.Dispose();
            }

            transactions.Clear();
        }

        foreach (var local in locals)
        {
            local.Loop.Dispose();
        }

        selected?.Close();
        selection.TrySetCanceled();
    }

    private List<CandidatePair> PairUp(IEnumerable<IceCandidate> remoteCandidates)
    {
        var usable = remoteCandidates.Where(candidate => candidate.IsUdp && candidate.Component == 1 && candidate.EndPoint is not null);
        return [.. usable
            .SelectMany(candidate => locals
                .Where(local => local.Loop.LocalEndPoint.AddressFamily == candidate.EndPoint!.AddressFamily)
                .Select(local => new CandidatePair(local, candidate.EndPoint!.Serialize(), candidate.Priority)))
            .OrderByDescending(pair => pair.Priority)];
    }

    private void StartNextCheck()
    {
        lock (gate)
        {
            var next = pairs.FirstOrDefault(pair => pair.State == PairState.Waiting);
            if (next is null)
            {
                pacing?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }

            next.State = PairState.InProgress;
            Start(next, CheckPurpose.Connectivity);
        }
    }

    /// <summary>Sends a new binding request on the pair; the caller holds the gate.</summary>
    private void Start(CandidatePair pair, CheckPurpose purpose)
    {
        Span<byte> id = stackalloc byte[StunMessage.TransactionIdLength];
        StunWriter.NewTransactionId(id);
        var buffer = new byte[BindingMessages.MaxLength];
        var length = BindingMessages.WriteRequest(buffer, id, LocalCredentials, remote!, pair.Local.Candidate.Priority, tieBreaker, purpose == CheckPurpose.Nomination);
        var transaction = new StunTransaction(pair, purpose, buffer[..length], options.InitialRetransmissionTimeout);
        transactions[transaction.Id] = transaction;
        if (purpose != CheckPurpose.Consent)
        {
            transaction.Retransmission = time.CreateTimer(_ => Retransmit(transaction), null, transaction.Timeout, Timeout.InfiniteTimeSpan);
        }

        Transmit(transaction);
    }

    private static void Transmit(StunTransaction transaction)
    {
        transaction.Transmissions++;
        transaction.Pair.Local.Loop.SendTo(transaction.Request, transaction.Pair.Remote);
    }

    private void Retransmit(StunTransaction transaction)
    {
        lock (gate)
        {
            if (!transactions.ContainsKey(transaction.Id))
            {
                return;
            }

            if (transaction.Transmissions >= options.MaxTransmissions)
            {
                Finish(transaction);
                Fail(transaction);
                return;
            }

            transaction.Timeout *= 2;
            transaction.Retransmission?.Change(transaction.Timeout, Timeout.InfiniteTimeSpan);
            Transmit(transaction);
        }
    }

    private void OnDatagram(LocalSocket local, ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        if (!StunMessage.LooksLikeStun(datagram))
        {
            var path = selected;
            if (path is not null && ReferenceEquals(path.Loop, local.Loop) && path.RemoteAddress.Equals(from))
            {
                path.Deliver(datagram);
            }
            else
            {
                Interlocked.Increment(ref droppedFromStrangers);
            }

            return;
        }

        if (StunMessage.TryParse(datagram, out var message) != StunParseResult.Ok)
        {
            return;
        }

        if (message.Type == StunMessageType.BindingRequest)
        {
            Answer(local, message, from);
        }
        else if (message.Type is StunMessageType.BindingSuccess or StunMessageType.BindingError)
        {
            OnResponse(local, message, from);
        }
    }

    /// <summary>The peer's own checks (a full peer sends them; a lite one does not) are answered like any agent would.</summary>
    private void Answer(LocalSocket local, in StunMessage request, SocketAddress from)
    {
        lock (gate)
        {
            var error = BindingMessages.Validate(request, LocalCredentials);
            var length = error == 0
                ? BindingMessages.WriteSuccess(responseBuffer, request.TransactionId, RemoteAddress.ToEndPoint(from), LocalCredentials)
                : BindingMessages.WriteError(responseBuffer, request.TransactionId, error);
            local.Loop.SendTo(responseBuffer.AsSpan(0, length), from);
        }
    }

    private void OnResponse(LocalSocket local, in StunMessage response, SocketAddress from)
    {
        lock (gate)
        {
            // Only a response from where the request went, on the socket it left from, authenticated, counts (RFC 8445 §7.2.5.2.1).
            if (!transactions.TryGetValue(StunTransaction.IdOf(response.TransactionId), out var transaction)
                || !ReferenceEquals(transaction.Pair.Local, local) || !transaction.Pair.Remote.Equals(from))
            {
                return;
            }

            var success = response.Type == StunMessageType.BindingSuccess;
            if (success && !response.VerifyIntegrity(remote!.Key))
            {
                return;
            }

            Finish(transaction);
            if (success)
            {
                Succeeded(transaction);
            }
            else if (transaction.Purpose != CheckPurpose.Consent)
            {
                Fail(transaction);
            }
        }
    }

    private void Succeeded(StunTransaction transaction)
    {
        var pair = transaction.Pair;
        switch (transaction.Purpose)
        {
            case CheckPurpose.Connectivity:
                pair.State = PairState.Succeeded;
                if (!nominating)
                {
                    nominating = true;
                    Start(pair, CheckPurpose.Nomination);
                }

                break;
            case CheckPurpose.Nomination when selected is null:
                Select(pair);
                break;
            case CheckPurpose.Consent:
                lastConsentTimestamp = time.GetTimestamp();
                break;
        }
    }

    private void Select(CandidatePair pair)
    {
        pacing?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        selected = new IcePath(pair.Local.Loop, pair.Remote);
        lastConsentTimestamp = time.GetTimestamp();
        consent = time.CreateTimer(_ => CheckConsent(), null, NextConsentDelay(), Timeout.InfiniteTimeSpan);
        selection.TrySetResult(selected);
    }

    private void CheckConsent()
    {
        lock (gate)
        {
            if (selected is null || selected.IsClosed)
            {
                return;
            }

            if (time.GetElapsedTime(lastConsentTimestamp) > options.ConsentTimeout)
            {
                selected.Close();
                return;
            }

            // A consent request is not retransmitted; one still unanswered when the next is due is given up.
            foreach (var unanswered in transactions.Values.Where(transaction => transaction.Purpose == CheckPurpose.Consent).ToList())
            {
                Finish(unanswered);
            }

            Start(pairs.First(pair => ReferenceEquals(pair.Local.Loop, selected.Loop) && pair.Remote.Equals(selected.RemoteAddress)), CheckPurpose.Consent);
            consent?.Change(NextConsentDelay(), Timeout.InfiniteTimeSpan);
        }
    }

    private TimeSpan NextConsentDelay() => options.ConsentInterval * (0.8 + (0.4 * Random.Shared.NextDouble()));

    private void Finish(StunTransaction transaction)
    {
        transactions.Remove(transaction.Id);
        transaction.Retransmission?.Dispose();
    }

    private void Fail(StunTransaction transaction)
    {
        transaction.Pair.State = PairState.Failed;
        if (transaction.Purpose == CheckPurpose.Nomination)
        {
            // The nominated pair stopped answering: nominate the next pair that passed its check, if any.
            var next = pairs.FirstOrDefault(pair => pair.State == PairState.Succeeded);
            nominating = next is not null;
            if (next is not null)
            {
                Start(next, CheckPurpose.Nomination);
            }
        }

        if (selected is null && pairs.All(pair => pair.State == PairState.Failed))
        {
            selection.TrySetException(new IceFailedException($"All {pairs.Count} candidate pairs failed their connectivity checks."));
        }
    }
}
