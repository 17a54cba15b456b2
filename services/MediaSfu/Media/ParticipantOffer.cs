using WebRtcChat.WebRtc.Dtls;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>A participant's SDP offer, checked for what the SFU needs: ICE credentials, a DTLS fingerprint, a role we can answer passively to.</summary>
public sealed record ParticipantOffer(SessionDescription Description, IceCredentials Ice, CertificateFingerprint Fingerprint)
{
    public static bool TryParse(string sdp, out ParticipantOffer offer, out string problem)
    {
        offer = null!;
        if (!SdpParser.TryParse(sdp, out var description, out var error))
        {
            problem = $"The offer is not valid SDP: {error}";
            return false;
        }

        var media = description!.Media.FirstOrDefault(m => !m.IsRejected);
        if (media is null)
        {
            problem = "The offer has no media to send or receive.";
            return false;
        }

        var transport = Merge(description.Transport, media.Transport);
        if (transport.IceUfrag is not { } ufrag || transport.IcePwd is not { } password)
        {
            problem = "The offer has no ICE credentials (a=ice-ufrag and a=ice-pwd).";
            return false;
        }

        if (transport.Fingerprint is not { } fingerprint || !CertificateFingerprint.TryParse($"{fingerprint.Algorithm} {fingerprint.Value}", out var remote))
        {
            problem = "The offer has no usable DTLS fingerprint (a=fingerprint with sha-256, sha-384 or sha-512).";
            return false;
        }

        if (transport.Setup is not ("actpass" or "active"))
        {
            problem = "The offer must let the SFU be the DTLS server (a=setup:actpass or active).";
            return false;
        }

        offer = new ParticipantOffer(description, new IceCredentials(ufrag, password), remote);
        problem = string.Empty;
        return true;
    }

    /// <summary>Media-level ICE and DTLS attributes win over session-level ones (RFC 8839 §5, RFC 8842 §5).</summary>
    private static SdpTransport Merge(SdpTransport session, SdpTransport media) => new()
    {
        IceUfrag = media.IceUfrag ?? session.IceUfrag,
        IcePwd = media.IcePwd ?? session.IcePwd,
        Fingerprint = media.Fingerprint ?? session.Fingerprint,
        Setup = media.Setup ?? session.Setup,
    };
}
