using System.Buffers.Binary;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtcp;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// Our client peer publishing its video section as rid simulcast, as Chrome does: no a=ssrc, three layers (q 180, h 360,
/// f 720 px high) whose first packets carry the mid and rid extensions. Each packet is one VP8 frame that says its layer
/// in the payload; a layer sends a key frame first and whenever the SFU asks for one (PLI on its SSRC).
/// </summary>
public sealed class SimulcastSender
{
    public const string VideoMid = "1";
    public static readonly string[] Rids = ["q", "h", "f"];
    public static readonly int[] Heights = [180, 360, 720];

    private const int MidExtension = 1; // as SdpOfferBuilder numbers it
    private const int RidExtension = 10;
    private const int RidPackets = 3;
    private const int LayerByteOffset = 12;

    private readonly ClientPeer peer;
    private readonly int[] keyframesWanted = [1, 1, 1];
    private readonly int[] sent = new int[3];

    public SimulcastSender(ClientPeer peer)
    {
        this.peer = peer;
        var video = peer.Offer.Media.Single(m => m.Mid == VideoMid);
        video.Ssrcs.Clear();
        video.SsrcGroups.Clear();
        video.Extmaps.Add(new SdpExtmap(RidExtension, null, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"));
        video.Rids.AddRange(Rids.Select(rid => new SdpRid(rid, RidDirection.Send)));
        video.Simulcast = "send " + string.Join(';', Rids);
        peer.RtcpReceived += OnRtcp;
    }

    public uint[] Ssrcs { get; } = [0x51A0_0001, 0x51A0_0002, 0x51A0_0003];

    /// <summary>Frames sent so far (each goes out on every layer).</summary>
    public int FramesSent => Volatile.Read(ref sent[0]);

    /// <summary>The REMB bitrates the SFU sent us, with the SSRCs each named.</summary>
    public List<(ulong Bitrate, uint[] Ssrcs)> Rembs { get; } = [];

    /// <summary>Which layer a forwarded packet's payload says it is.</summary>
    public static int LayerOf(ReadOnlySpan<byte> packet) =>
        RtpHeader.TryParse(packet, out var header) ? header.GetPayload(packet)[LayerByteOffset] : -1;

    /// <summary>One frame on every layer (a key frame where one is wanted).</summary>
    public void SendFrame()
    {
        for (var layer = 0; layer < Ssrcs.Length; layer++)
        {
            var packet = new byte[200];
            var count = sent[layer]++;
            var offset = RtpPacketWriter.WriteFixedHeader(packet, SdpOfferBuilder.Vp8PayloadType, (ushort)(1000 * (layer + 1) + count), (uint)(3000 * count + (layer * 77_777)), Ssrcs[layer], marker: true, hasExtension: true);
            var extension = new RtpExtensionWriter(packet.AsSpan(offset), twoByte: false);
            extension.TryAdd(MidExtension, RtpExtensionValues.IdentifierBytes(VideoMid));
            if (count < RidPackets)
            {
                extension.TryAdd(RidExtension, RtpExtensionValues.IdentifierBytes(Rids[layer]));
            }

            offset += extension.Finish();
            WriteVp8(packet.AsSpan(offset), layer, keyframe: Interlocked.Exchange(ref keyframesWanted[layer], 0) == 1);
            peer.SendRtp(packet);
        }
    }

    /// <summary>A VP8 descriptor (start of partition 0) and frame header; a key frame states its size (RFC 6386 §9.1).</summary>
    private static void WriteVp8(Span<byte> payload, int layer, bool keyframe)
    {
        payload[0] = 0x10;
        payload[1] = (byte)(keyframe ? 0x00 : 0x01);
        if (keyframe)
        {
            payload[4] = 0x9d;
            payload[5] = 0x01;
            payload[6] = 0x2a;
            BinaryPrimitives.WriteUInt16LittleEndian(payload[7..], (ushort)(Heights[layer] * 16 / 9));
            BinaryPrimitives.WriteUInt16LittleEndian(payload[9..], (ushort)Heights[layer]);
        }

        payload[LayerByteOffset] = (byte)layer;
    }

    private void OnRtcp(ReadOnlySpan<byte> compound)
    {
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryRead(out var packet))
        {
            if (!RtcpFeedback.TryParse(packet, out var feedback))
            {
                continue;
            }

            if (PictureLossIndication.Matches(feedback) && Array.IndexOf(Ssrcs, feedback.MediaSsrc) is >= 0 and var layer)
            {
                Volatile.Write(ref keyframesWanted[layer], 1);
            }
            else if (ReceiverEstimatedMaximumBitrate.TryParse(feedback, out var bitrate, out var count))
            {
                var ssrcs = new uint[count];
                for (var i = 0; i < count; i++)
                {
                    ssrcs[i] = ReceiverEstimatedMaximumBitrate.GetSsrc(feedback, i);
                }

                lock (Rembs)
                {
                    Rembs.Add((bitrate, ssrcs));
                }
            }
        }
    }
}
