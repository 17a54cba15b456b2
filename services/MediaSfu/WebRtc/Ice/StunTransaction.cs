using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Ice;

internal enum CheckPurpose
{
    Connectivity,
    Nomination,
    Consent,
}

/// <summary>An outstanding binding request of the agent: its bytes for retransmission and what its answer means.</summary>
internal sealed class StunTransaction(CandidatePair pair, CheckPurpose purpose, byte[] request, TimeSpan timeout)
{
    public CandidatePair Pair { get; } = pair;

    public CheckPurpose Purpose { get; } = purpose;

    public byte[] Request { get; } = request;

    public int Transmissions { get; set; }

    public TimeSpan Timeout { get; set; } = timeout;

    public ITimer? Retransmission { get; set; }

    public UInt128 Id => IdOf(Request.AsSpan(8, 12));

    public static UInt128 IdOf(ReadOnlySpan<byte> transactionId) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(transactionId), BinaryPrimitives.ReadUInt32BigEndian(transactionId[8..]));
}
