namespace WebRtcChat.WebRtc.Srtp;

/// <summary>What one direction keeps per SSRC: the SRTP index and replay state, and the SRTCP index and replay state.</summary>
internal sealed class SrtpStreamState
{
    public const uint MaxSrtcpIndex = 0x7FFF_FFFF;

    public SrtpIndexEstimator RtpIndex;
    public SrtpReplayWindow RtpReplay;
    public SrtpReplayWindow RtcpReplay;
    public uint NextSrtcpIndex;
}
