using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace WebRtcChat.WebRtc.Transport.Linux;

/// <summary>
/// Datagrams to send together with one sendmmsg(2): a forwarded packet fans out to every subscriber in one system call
/// instead of one each. Everything lives in pinned arrays allocated once, so adding and flushing allocate nothing.
/// Not thread-safe: one thread fills and flushes it.
/// </summary>
internal sealed class SendBatch
{
    public const int Capacity = 64;

    private const int SlotBytes = 2048;
    private const int AddressBytes = 128; // sizeof(struct sockaddr_storage)

    private readonly byte[] payloads = GC.AllocateArray<byte>(Capacity * SlotBytes, pinned: true);
    private readonly byte[] addresses = GC.AllocateArray<byte>(Capacity * AddressBytes, pinned: true);
    private readonly IoVector[] vectors = GC.AllocateArray<IoVector>(Capacity, pinned: true);
    private readonly MultiMessageHeader[] headers = GC.AllocateArray<MultiMessageHeader>(Capacity, pinned: true);
    private readonly IntPtr headersAddress;

    public SendBatch()
    {
        headersAddress = Marshal.UnsafeAddrOfPinnedArrayElement(headers, 0);
        for (var i = 0; i < Capacity; i++)
        {
            vectors[i].Base = Marshal.UnsafeAddrOfPinnedArrayElement(payloads, i * SlotBytes);
            headers[i].Name = Marshal.UnsafeAddrOfPinnedArrayElement(addresses, i * AddressBytes);
            headers[i].Vectors = Marshal.UnsafeAddrOfPinnedArrayElement(vectors, i);
            headers[i].VectorCount = 1;
        }
    }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>Whether this datagram and address fit a slot (anything larger is sent on its own).</summary>
    public static bool Fits(ReadOnlySpan<byte> datagram, SocketAddress to) => datagram.Length <= SlotBytes && to.Size <= AddressBytes;

    public void Add(ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        var slot = Count++;
        datagram.CopyTo(payloads.AsSpan(slot * SlotBytes, SlotBytes));
        to.Buffer.Span[..to.Size].CopyTo(addresses.AsSpan(slot * AddressBytes, AddressBytes));
        vectors[slot].Length = (nuint)datagram.Length;
        headers[slot].NameLength = (uint)to.Size;
    }

    /// <summary>
    /// Sends what is queued and empties the batch. Returns the datagrams the kernel refused (a full send buffer, an
    /// unreachable address): UDP, so they are lost like any dropped packet.
    /// </summary>
    public int Flush(Socket socket)
    {
        var sent = 0;
        var refused = 0;
        var handle = socket.SafeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var descriptor = handle.DangerousGetHandle();
            while (sent + refused < Count)
            {
                var first = sent + refused;
                var result = LinuxSockets.SendMany(descriptor, headersAddress + (first * Marshal.SizeOf<MultiMessageHeader>()), (uint)(Count - first), 0);
                if (result > 0)
                {
                    sent += result;
                }
                else if (Marshal.GetLastPInvokeError() != LinuxSockets.EINTR)
                {
                    refused++; // skip the datagram the kernel refused and go on with the rest
                }
            }
        }
        catch (ObjectDisposedException)
        {
            refused = Count - sent;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }

            Count = 0;
        }

        return refused;
    }
}
