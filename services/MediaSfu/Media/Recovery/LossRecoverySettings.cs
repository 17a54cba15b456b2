using WebRtcChat.MediaSfu.Calls;

namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>How much of each video stream the SFU keeps for retransmission, and how persistently it asks publishers.</summary>
public sealed record LossRecoverySettings(int BufferPackets, TimeSpan BufferAge, TimeSpan RetryInterval, int UpstreamAttempts)
{
    public static readonly LossRecoverySettings Default = new(512, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), 3);

    public static LossRecoverySettings From(SfuOptions options) =>
        new(options.RetransmissionBufferPackets, options.RetransmissionBufferAge, options.NackRetryInterval, options.UpstreamNackAttempts);
}
