namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// The replay list of RFC 3711 §3.3.2 as a sliding bitmap over the last <see cref="Size"/> indices below the highest
/// one seen. <see cref="IsFresh"/> only looks; <see cref="Accept"/> is called after authentication succeeded.
/// </summary>
public struct SrtpReplayWindow
{
    public const int Size = 128;

    private bool started;
    private ulong highest;
    private UInt128 seen;

    /// <summary>False for an index already accepted or too far behind the window to tell.</summary>
    public readonly bool IsFresh(ulong index)
    {
        if (!started || index > highest)
        {
            return true;
        }

        var behind = highest - index;
        return behind < Size && (seen & (UInt128.One << (int)behind)) == UInt128.Zero;
    }

    public void Accept(ulong index)
    {
        if (!started)
        {
            started = true;
            highest = index;
            seen = UInt128.One;
        }
        else if (index > highest)
        {
            var ahead = index - highest;
            seen = ahead >= Size ? UInt128.One : (seen << (int)ahead) | UInt128.One;
            highest = index;
        }
        else
        {
            seen |= UInt128.One << (int)(highest - index);
        }
    }
}
