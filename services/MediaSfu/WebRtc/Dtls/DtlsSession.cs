using Org.BouncyCastle.Tls;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>
/// An established DTLS-SRTP association: the exported SRTP keys, and the DTLS records that still arrive afterwards
/// (close_notify, alerts, a peer retransmitting its last flight), read on the thread pool only when one arrives; no
/// thread is held between datagrams.
/// </summary>
public sealed class DtlsSession : IDisposable
{
    // Only records that carry no application data make BouncyCastle wait for another; 1 ms bounds that wait.
    private const int ReadWaitMillis = 1;

    private readonly DtlsTransport dtls;
    private readonly ChannelDatagramTransport transport;
    private readonly byte[] readBuffer;

    // BouncyCastle's DtlsTransport is not thread-safe: a read on the pool and Close from the caller take turns.
    private readonly Lock turns = new();
    private int reading;
    private int closed;

    internal DtlsSession(DtlsRole role, SrtpKeys keys, CertificateFingerprint remoteFingerprint, DtlsTransport dtls,
        ChannelDatagramTransport transport)
    {
        Role = role;
        Keys = keys;
        RemoteFingerprint = remoteFingerprint;
        this.dtls = dtls;
        this.transport = transport;
        readBuffer = new byte[dtls.GetReceiveLimit()];
        transport.Ended += OnEnded;
        if (transport.HasEnded)
        {
            OnEnded();
        }
    }

    public DtlsRole Role { get; }

    /// <summary>What SRTP and SRTCP protect with, for the negotiated <see cref="SrtpKeys.Profile"/>.</summary>
    public SrtpKeys Keys { get; }

    /// <summary>The fingerprint of the certificate the peer authenticated with (the one its SDP announced).</summary>
    public CertificateFingerprint RemoteFingerprint { get; }

    public bool IsClosed => Volatile.Read(ref closed) == 1;

    /// <summary>DTLS datagrams dropped because the receive queue was full.</summary>
    public long DatagramsDropped => transport.Dropped;

    /// <summary>DTLS-looking datagrams dropped unread because no DTLS peer sends them.</summary>
    public long MalformedDropped => transport.Malformed;

    /// <summary>The association ended: the peer sent close_notify or a fatal alert, we closed, or the path closed.</summary>
    public event Action? Closed;

    /// <summary>Sends close_notify and ends the association.</summary>
    public void Close()
    {
        if (IsClosed)
        {
            return;
        }

        try
        {
            lock (turns)
            {
                dtls.Close();
            }
        }
        catch (IOException)
        {
            // Closing is best effort: the peer learns through ICE consent if close_notify is lost.
        }

        transport.End();
    }

    public void Dispose() => Close();

    internal void StartReading() => transport.DeliverArrivalsTo(ScheduleRead);

    private void ScheduleRead()
    {
        if (Interlocked.Exchange(ref reading, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => ReadArrivals(), null);
        }
    }

    private void ReadArrivals()
    {
        try
        {
            while (!IsClosed && transport.HasPending)
            {
                // Application data (no data channels here) is read and discarded like any other record.
                lock (turns)
                {
                    dtls.Receive(readBuffer, 0, readBuffer.Length, ReadWaitMillis);
                }
            }
        }
        catch (Exception)
        {
            // A fatal alert from the peer, or any failure while reading: the association is over (and an exception
            // must not escape a thread-pool work item).
            transport.End();
        }
        finally
        {
            Volatile.Write(ref reading, 0);
        }

        if (!IsClosed && transport.HasPending)
        {
            ScheduleRead();
        }
    }

    private void OnEnded()
    {
        if (Interlocked.Exchange(ref closed, 1) == 0)
        {
            Closed?.Invoke();
        }
    }
}
