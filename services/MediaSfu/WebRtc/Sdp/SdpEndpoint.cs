using System.Security.Cryptography;
using WebRtcChat.WebRtc.Ice;

namespace WebRtcChat.WebRtc.Sdp;

/// <summary>What one side puts in its SDP about its transport: ICE credentials, DTLS fingerprint, candidates.</summary>
public sealed record SdpEndpoint(IceCredentials Ice, SdpFingerprint Fingerprint, IReadOnlyList<IceCandidate> Candidates)
{
    /// <summary>A session skeleton (v=, o=, s=, t=) with a random session id, as JSEP asks for a new session.</summary>
    internal static SessionDescription NewSession() => new()
    {
        Origin = new SdpOrigin("-", (RandomNumberGenerator.GetInt32(int.MaxValue) + 1L).ToString(System.Globalization.CultureInfo.InvariantCulture), "2", "IN", "IP4", "127.0.0.1"),
    };

    /// <summary>A bundled media section on this endpoint's transport: ICE, DTLS role, candidates, rtcp-mux.</summary>
    internal MediaDescription NewMedia(string kind, string protocol, string mid, string setup)
    {
        var first = Candidates.FirstOrDefault();
        var media = new MediaDescription
        {
            Kind = kind,
            Port = first?.Port ?? 9,
            Protocol = protocol,
            Connection = first?.EndPoint is { } endPoint && endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
                ? $"IN IP4 {endPoint.Address}"
                : "IN IP4 0.0.0.0",
            Mid = mid,
            RtcpMux = true,
            EndOfCandidates = true,
        };
        media.Transport.IceUfrag = Ice.Ufrag;
        media.Transport.IcePwd = Ice.Password;
        media.Transport.Fingerprint = Fingerprint;
        media.Transport.Setup = setup;
        media.Candidates.AddRange(Candidates);
        return media;
    }
}
