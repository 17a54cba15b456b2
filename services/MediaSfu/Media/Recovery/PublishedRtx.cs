namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>A publisher's retransmission stream as its offer pairs it: the RTX SSRC (a=ssrc-group:FID) and, per media payload type, its RTX type (apt).</summary>
public sealed record PublishedRtx(uint Ssrc, IReadOnlyDictionary<byte, byte> PayloadTypes);
