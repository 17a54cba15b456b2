namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// A section the publisher sends as rid-based simulcast (RFC 8853): the rids we accepted, in the a=simulcast order, and
/// the header extension ids (0 when not negotiated) whose values bind each layer's SSRC on its first packets.
/// </summary>
public sealed record SimulcastOffer(IReadOnlyList<string> Rids, int MidExtension, int RidExtension, int RepairedRidExtension);
