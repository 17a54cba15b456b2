using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests.Dtls;

/// <summary>A real channel whose first <paramref name="lost"/> outgoing datagrams are lost, as on a lossy path.</summary>
internal sealed class LossyChannel(IDatagramChannel inner, int lost) : IDatagramChannel
{
    private int sent;

    public event DatagramHandler? Received
    {
        add => inner.Received += value;
        remove => inner.Received -= value;
    }

    public event Action? Closed
    {
        add => inner.Closed += value;
        remove => inner.Closed -= value;
    }

    public int Lost => Math.Min(Volatile.Read(ref sent), lost);

    public void Send(ReadOnlySpan<byte> datagram)
    {
        if (Interlocked.Increment(ref sent) > lost)
        {
            inner.Send(datagram);
        }
    }
}
