using Org.BouncyCastle.Tls;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>
/// Runs DTLS-SRTP handshakes (RFC 5764) with one local certificate. BouncyCastle's handshake is blocking, so each runs
/// on a dedicated thread with a small stack (never a thread-pool thread, which it would starve) for at most
/// <see cref="DtlsOptions.HandshakeTimeout"/>; the established session then holds no thread.
/// </summary>
public sealed class DtlsEndpoint
{
    private readonly DtlsOptions options;
    private readonly SemaphoreSlim slots;
    private int inFlight;

    public DtlsEndpoint(DtlsCertificate certificate, DtlsOptions? options = null)
    {
        Certificate = certificate;
        this.options = options ?? DtlsOptions.Default;
        this.options.Validate();
        slots = new SemaphoreSlim(this.options.MaxConcurrentHandshakes);
    }

    public DtlsCertificate Certificate { get; }

    /// <summary>Handshakes holding a thread right now.</summary>
    public int HandshakesInFlight => Volatile.Read(ref inFlight);

    /// <summary>
    /// Handshakes over <paramref name="channel"/> (subscribing to it at once, so no early datagram is missed) and
    /// accepts only a peer whose certificate has <paramref name="expectedRemote"/>. Never throws for network or peer
    /// misbehaviour: the result says what went wrong.
    /// </summary>
    public async Task<DtlsResult> HandshakeAsync(IDatagramChannel channel, DtlsRole role,
        CertificateFingerprint expectedRemote, CancellationToken cancellationToken = default)
    {
        var transport = new ChannelDatagramTransport(channel, options);
        var setup = new DtlsPeerSetup(Certificate, expectedRemote, options, transport);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.HandshakeTimeout);
        await using var abort = deadline.Token.Register(transport.End);

        try
        {
            await slots.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            transport.End();
            return Interrupted(cancellationToken);
        }

        Interlocked.Increment(ref inFlight);
        try
        {
            var dtls = await OnDedicatedThread(() => Handshake(role, setup, transport)).ConfigureAwait(false);
            await abort.DisposeAsync().ConfigureAwait(false);
            if (transport.HasEnded)
            {
                // The deadline, the caller or the channel ended it just as the last flight went out.
                return transport.ChannelClosed ? ChannelGone : Interrupted(cancellationToken);
            }

            var session = new DtlsSession(role, setup.Keys!, setup.RemoteFingerprint!, dtls, transport);
            session.StartReading();
            return DtlsResult.Established(session);
        }
        catch (IOException e)
        {
            transport.End();
            return deadline.IsCancellationRequested ? Interrupted(cancellationToken)
                : transport.ChannelClosed ? ChannelGone
                : Explain(setup, e);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
            slots.Release();
        }
    }

    private static DtlsTransport Handshake(DtlsRole role, DtlsPeerSetup setup, ChannelDatagramTransport transport) =>
        role == DtlsRole.Server
            // No HelloVerifyRequest cookie round trip: ICE connectivity checks have already proven the address.
            ? new DtlsServerProtocol { VerifyRequests = false }.Accept(new DtlsSrtpServer(setup), transport)
            : new DtlsClientProtocol().Connect(new DtlsSrtpClient(setup), transport);

    private Task<T> OnDedicatedThread<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception e)
            {
                completion.SetException(e is IOException ? e : new IOException(e.Message, e));
            }
        }, options.HandshakeThreadStackSize)
        {
            IsBackground = true,
            Name = "DTLS handshake",
        };
        thread.Start();
        return completion.Task;
    }

    private static DtlsResult ChannelGone => DtlsResult.Failed(DtlsFailure.Cancelled, "The datagram channel closed.");

    private static DtlsResult Interrupted(CancellationToken cancellationToken) => cancellationToken.IsCancellationRequested
        ? DtlsResult.Failed(DtlsFailure.Cancelled, "The handshake was cancelled.")
        : DtlsResult.Failed(DtlsFailure.TimedOut, "The handshake did not complete in time.");

    private static DtlsResult Explain(DtlsPeerSetup setup, IOException error) => (setup.LocalFailure, error) switch
    {
        ({ } local, _) => DtlsResult.Failed(local.Failure, local.Detail),
        (_, TlsFatalAlertReceived alert) => DtlsResult.Failed(DtlsFailure.RejectedByPeer,
            $"The peer aborted with the alert {AlertDescription.GetText(alert.AlertDescription)}."),
        (_, TlsTimeoutException) => DtlsResult.Failed(DtlsFailure.TimedOut, "The handshake did not complete in time."),
        _ => DtlsResult.Failed(DtlsFailure.ProtocolError, error.Message),
    };
}
