using System.Globalization;
using WebRtcChat.MediaSfu.Media.Recovery;
using WebRtcChat.MediaSfu.Quality;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The SFU's answer to one participant's offer, in two steps: the generic answer (codecs, extensions, transport) tells
/// the call what each m-section can carry; once the call has settled who receives what, each receiving section names
/// the stream it carries (a=msid: the publisher's participant id and track id; a=ssrc) or goes inactive.
/// </summary>
public sealed class SfuAnswer
{
    // Transport-wide feedback both ways: a subscriber's on what we forward it drives our estimate of its downlink (see
    // SendSideEstimate), ours on what a publisher sends drives its browser's own congestion control (see
    // ReceivedPackets), under our REMB.
    private const string TransportCc = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    private const string Mid = "urn:ietf:params:rtp-hdrext:sdes:mid";
    private const string Rid = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    private const string RepairedRid = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    private const string AbsSendTime = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

    private readonly SessionDescription answer;

    private SfuAnswer(SessionDescription answer, IReadOnlyList<OfferedSection> sections)
    {
        this.answer = answer;
        Sections = sections;
    }

    /// <summary>Every m-section of the offer, in order, with what the generic answer accepted on it.</summary>
    public IReadOnlyList<OfferedSection> Sections { get; }

    public static SfuAnswer Start(ParticipantOffer offer, IceCredentials local, SfuNode node)
    {
        var endpoint = new SdpEndpoint(local, node.Dtls.Certificate.Fingerprint.ToSdp(), [node.Ice.Candidate]);
        var answer = SfuAnswerBuilder.Build(offer.Description, endpoint);
        return new SfuAnswer(answer, [.. offer.Description.Media.Zip(answer.Media, Section)]);
    }

    /// <summary>The answer's text once <paramref name="assignments"/> (one per section, in order) are known.</summary>
    public string Complete(IReadOnlyList<SectionAssignment> assignments)
    {
        foreach (var (media, assignment) in answer.Media.Zip(assignments))
        {
            if (media.IsRejected)
            {
                continue;
            }

            var section = assignment.Section;
            if (assignment.Forwarded is { } track)
            {
                var stream = track.Publisher.ParticipantId.ToString();
                media.Direction = section.Sends ? MediaDirection.SendRecv : MediaDirection.SendOnly;
                media.Msid = $"{stream} {track.TrackId}";
                media.Ssrcs.Add(new SdpSsrcAttribute(track.Ssrc, "cname", stream));
                media.Ssrcs.Add(new SdpSsrcAttribute(track.Ssrc, "msid", media.Msid));
                if (track.Recovery is { } recovery)
                {
                    RtxDescription.AnnounceRepair(media, track.Ssrc, recovery.RepairSsrc);
                }
            }
            else
            {
                media.Direction = section.Sends ? MediaDirection.RecvOnly : MediaDirection.Inactive;
            }
        }

        return SdpWriter.Write(answer);
    }

    private static OfferedSection Section(MediaDescription offered, MediaDescription answered)
    {
        var direction = offered.Direction ?? MediaDirection.SendRecv;
        return new OfferedSection(
            offered.Mid ?? string.Empty,
            offered.Kind == "audio" ? MediaKind.Audio : MediaKind.Video,
            Sends: direction is MediaDirection.SendRecv or MediaDirection.SendOnly,
            Receives: direction is MediaDirection.SendRecv or MediaDirection.RecvOnly,
            Stopped: answered.IsRejected || offered.Kind is not ("audio" or "video"),
            offered.PrimarySsrc,
            offered.Msid?.Split(' ') is [_, var trackId] ? trackId : null,
            answered.Codecs.Where(c => !c.Is("rtx")).ToDictionary(c => (byte)c.PayloadType, c => string.Create(CultureInfo.InvariantCulture, $"{c.Name}/{c.ClockRate}")),
            RtxDescription.RtxSsrc(offered),
            RtxDescription.PayloadTypes(answered),
            SimulcastOf(answered))
        {
            AudioLevelExtensionId = AudioLevelExtension.IdIn(answered),
            AbsSendTimeExtensionId = ExtensionId(answered, AbsSendTime),
            TransportSequenceExtensionId = ExtensionId(answered, TransportCc),
        };
    }

    /// <summary>The layers the answer receives (a=rid ... recv) and the extensions that name them; null for a plain section.</summary>
    private static SimulcastOffer? SimulcastOf(MediaDescription answered)
    {
        var rids = answered.Rids.Where(r => r.Direction == RidDirection.Recv).Select(r => r.Id).ToList();
        return rids.Count == 0 || answered.IsRejected ? null : new SimulcastOffer(rids, ExtensionId(answered, Mid), ExtensionId(answered, Rid), ExtensionId(answered, RepairedRid));
    }

    private static int ExtensionId(MediaDescription media, string uri) => media.Extmaps.FirstOrDefault(e => e.Uri == uri)?.Id ?? 0;
}
