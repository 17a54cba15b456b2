namespace WebRtcChat.MediaSfu.Media.Congestion;

/// <summary>One packet we sent a subscriber with a transport-wide sequence number: when it left, its size, and the probe it was sent during (0: none).</summary>
public readonly record struct SentPacket(ushort Sequence, long At, int Size, int Probe);

/// <summary>
/// The transport-wide sequence numbers of what we send one subscriber (one counter across all its streams, as the
/// transport-cc draft asks) and the newest <see cref="Capacity"/> packets they were given to, so its feedback can be
/// matched to send times. Packets sent while a probe runs carry its id, and their bytes count towards it.
/// </summary>
public sealed class SentPackets(TimeProvider time)
{
    /// <summary>Two seconds at 2,000 packets a second; feedback comes every 50-100 ms.</summary>
    public const int Capacity = 4096;

    private readonly Lock gate = new();
    private readonly SentPacket[] packets = new SentPacket[Capacity];
    private ushort next = 1;
    private int probe;
    private long probeBytes;
    private int probePackets;

    /// <summary>Numbers a packet of <paramref name="size"/> bytes leaving now.</summary>
    public ushort Add(int size)
    {
        var at = time.GetTimestamp();
        lock (gate)
        {
            var sequence = next++;
            packets[sequence % Capacity] = new SentPacket(sequence, at, size, probe);
            if (probe != 0)
            {
                probeBytes += size;
                probePackets++;
            }

            return sequence;
        }
    }

    public bool TryGet(ushort sequence, out SentPacket packet)
    {
        lock (gate)
        {
            packet = packets[sequence % Capacity];
        }

        return packet.Sequence == sequence && packet.At != 0;
    }

    /// <summary>Packets sent from now on belong to probe <paramref name="id"/>.</summary>
    public void StartProbe(int id)
    {
        lock (gate)
        {
            (probe, probeBytes, probePackets) = (id, 0, 0);
        }
    }

    /// <summary>The bytes sent so far during the running probe.</summary>
    public long ProbeBytes
    {
        get
        {
            lock (gate)
            {
                return probeBytes;
            }
        }
    }

    /// <summary>Ends the running probe: how many packets were sent during it.</summary>
    public int EndProbe()
    {
        lock (gate)
        {
            var sent = probePackets;
            (probe, probeBytes, probePackets) = (0, 0, 0);
            return sent;
        }
    }
}
