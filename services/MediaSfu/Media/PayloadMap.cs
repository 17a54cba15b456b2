namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// Which payload type a subscriber expects for each payload type a publisher sends (the same codec may carry different
/// numbers on the two legs); 0 means the subscriber did not negotiate that codec and the packet is not forwarded.
/// </summary>
public sealed class PayloadMap
{
    private readonly byte[] map = new byte[128];
    private readonly byte[] rtx = new byte[128];

    /// <summary>Maps by codec name (e.g. "VP8/90000"): every publisher type whose codec the subscriber also has.</summary>
    /// <param name="subscriberRtx">The subscriber's RTX payload type for each of its media types (apt), when it negotiated RTX.</param>
    public static PayloadMap Between(IReadOnlyDictionary<byte, string> publisher, IReadOnlyDictionary<byte, string> subscriber, IReadOnlyDictionary<byte, byte>? subscriberRtx = null)
    {
        var byCodec = subscriber.GroupBy(e => e.Value, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Min(e => e.Key), StringComparer.OrdinalIgnoreCase);
        var result = new PayloadMap();
        foreach (var (type, codec) in publisher)
        {
            if (type < 128 && byCodec.TryGetValue(codec, out var theirs))
            {
                result.map[type] = theirs;
            }
        }

        foreach (var (media, repair) in subscriberRtx ?? new Dictionary<byte, byte>())
        {
            result.rtx[media & 0x7F] = repair;
            result.PaddingType = result.PaddingType == 0 && result.map.Contains(media) ? repair : result.PaddingType;
        }

        return result;
    }

    /// <summary>An RTX payload type of the subscriber's for a codec it gets from this publisher (padding probes are sent on it); 0 without RTX.</summary>
    public byte PaddingType { get; private set; }

    /// <summary>The subscriber's payload type for <paramref name="publisherType"/>, or 0 to drop the packet.</summary>
    public byte this[byte publisherType] => map[publisherType & 0x7F];

    /// <summary>The subscriber's RTX payload type for its media type <paramref name="subscriberType"/>, or 0 without RTX.</summary>
    public byte RtxFor(byte subscriberType) => rtx[subscriberType & 0x7F];
}
