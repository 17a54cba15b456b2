using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using WebRtcChat.MediaSfu.Media.Congestion;
using WebRtcChat.MediaSfu.Media.Recovery;
using WebRtcChat.WebRtc.Dtls;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Rtcp;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Srtp;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// One participant's connection to the SFU: its ICE-lite session, the DTLS handshake that keys SRTP, the streams it
/// publishes and the packets it receives. Publishing runs on the receive thread the port gives this peer's address:
/// decrypt once, then for each subscriber copy, rewrite, encrypt and send (a large fan-out shared with that thread's
/// helper, see <see cref="PacketFanOut"/>). Sending is serialized per peer (publishers on other receive threads, NACK
/// answers and the RTCP timer all send to it); so is receiving (a peer that moves to another address may land on
/// another thread).
/// </summary>
public sealed class MediaPeer : IDisposable
{
    private const int BufferSize = 2048;
    private const int MaxPassedOverOnStack = 512;

    private readonly IceLiteSession ice;
    private readonly MediaCall call;
    private readonly TimeProvider time;
    private readonly TimeSpan keyframeInterval;
    private readonly byte[] inbound = new byte[BufferSize];
    private readonly byte[] outbound = new byte[BufferSize + ForwardedPacket.MaxGrowth];
    private readonly Lock sendGate = new();
    private readonly Lock receiveGate = new();
    private readonly NackResponder nacks;
    private FrozenDictionary<uint, ForwardedTrack> published = FrozenDictionary<uint, ForwardedTrack>.Empty;
    private ForwardedTrack[] tracks = [];
    private SimulcastLayer[] publishedLayers = [];
    private Subscription[] receiving = [];
    private SrtpSession? srtp;
    private DtlsSession? dtls;
    private readonly ConcurrentDictionary<uint, long> lastKeyframeRequests = new();
    private int closed;

    public MediaPeer(MediaCall call, Guid participantId, Guid userId, IceLiteSession ice, TimeProvider time, TimeSpan keyframeInterval)
    {
        ParticipantId = participantId;
        UserId = userId;
        this.ice = ice;
        this.call = call;
        this.time = time;
        this.keyframeInterval = keyframeInterval;
        LocalSsrc = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
        nacks = new NackResponder(this, time);
        Downlink = new DownlinkEstimate(time);
        Sent = new SentPackets(time);
        Received = new ReceivedPackets(time);
        Congestion = new SendSideEstimate(Sent, time);
        ice.Received += OnDatagram;
        ice.Closed += Close;
    }

    public Guid ParticipantId { get; }

    public Guid UserId { get; }

    public IceLiteSession Ice => ice;

    /// <summary>The SSRC the SFU's own RTCP to this participant (keyframe requests, reports) is sent from.</summary>
    public uint LocalSsrc { get; }

    public PeerCounters Counters { get; } = new();

    /// <summary>What this participant, as a subscriber, can receive (from its REMB and receiver reports).</summary>
    public DownlinkEstimate Downlink { get; }

    /// <summary>When what this participant publishes arrived, by transport-wide sequence number, for the transport-cc feedback we send it.</summary>
    public ReceivedPackets Received { get; }

    /// <summary>What we sent this participant with transport-wide sequence numbers, and when.</summary>
    public SentPackets Sent { get; }

    /// <summary>What this participant, as a subscriber, can receive, from its transport-cc feedback (when it sends any, this is what limits it).</summary>
    public SendSideEstimate Congestion { get; }

    public bool IsConnected => Volatile.Read(ref srtp) is not null;

    public bool IsClosed => Volatile.Read(ref closed) == 1;

    public IReadOnlyList<ForwardedTrack> Published => Volatile.Read(ref tracks);

    /// <summary>The layers of every track this participant publishes (one each without simulcast).</summary>
    public ReadOnlySpan<SimulcastLayer> PublishedLayers => Volatile.Read(ref publishedLayers);

    /// <summary>The other participants' streams this one receives.</summary>
    public IReadOnlyList<Subscription> Receiving => Volatile.Read(ref receiving);

    /// <summary>Raised once when the connection is gone (ICE consent lost, DTLS closed, or closed here).</summary>
    public event Action<MediaPeer>? Closed;

    /// <summary>Raised once when SRTP keys are in place and media can flow.</summary>
    public event Action<MediaPeer>? Connected;

    /// <summary>The streams this participant sends, from its latest offer.</summary>
    public void Publish(IEnumerable<ForwardedTrack> tracks)
    {
        ForwardedTrack[] now = [.. tracks];
        Volatile.Write(ref publishedLayers, [.. now.SelectMany(t => t.Layers)]);
        Volatile.Write(ref this.tracks, now);
        IndexPublishedSsrcs();
    }

    /// <summary>Every SSRC this participant sends on (simulcast layers once bound, their retransmissions), to its track.</summary>
    private void IndexPublishedSsrcs() => Volatile.Write(ref published, Volatile.Read(ref tracks)
        .SelectMany(t => t.Layers.SelectMany(l => new[] { l.Ssrc, l.RtxSsrc }).Where(ssrc => ssrc != 0).Select(ssrc => (Ssrc: ssrc, Track: t)))
        .DistinctBy(e => e.Ssrc)
        .ToFrozenDictionary(e => e.Ssrc, e => e.Track));

    /// <summary>The streams this participant receives, as the call's plan last settled them.</summary>
    internal void Receive(IEnumerable<Subscription> subscriptions) => Volatile.Write(ref receiving, [.. subscriptions]);

    /// <summary>Completes the DTLS handshake as its server (we answer a=setup:passive); false when it failed.</summary>
    public async Task<DtlsResult> ConnectAsync(DtlsEndpoint endpoint, CertificateFingerprint remote, CancellationToken cancellationToken)
    {
        var result = await endpoint.HandshakeAsync(ice, DtlsRole.Server, remote, cancellationToken).ConfigureAwait(false);
        if (result.Session is not { } session)
        {
            Close();
            return result;
        }

        dtls = session;
        session.Closed += Close;
        Volatile.Write(ref srtp, SrtpSession.Create(session.Keys, isDtlsClient: false));
        Connected?.Invoke(this);
        return result;
    }

    /// <summary>
    /// Asks this publisher for a key frame of <paramref name="ssrc"/>, at most once per interval for each SSRC (a pending
    /// switch to one simulcast layer must not hold back a subscriber's request for the layer it gets now).
    /// </summary>
    public void RequestKeyframe(uint ssrc)
    {
        var now = time.GetTimestamp();
        var last = lastKeyframeRequests.GetOrAdd(ssrc, 0);
        if (last != 0 && time.GetElapsedTime(last, now) < keyframeInterval || !lastKeyframeRequests.TryUpdate(ssrc, now, last))
        {
            return;
        }

        SendRtcp(static (buffer, state) => PictureLossIndication.Write(buffer, state.LocalSsrc, state.Ssrc), (LocalSsrc, Ssrc: ssrc));
    }

    /// <summary>Sends this publisher transport-cc feedback on what arrived from it since the last (nothing when nothing did).</summary>
    public void SendTransportFeedback()
    {
        var mediaSsrc = 0u;
        foreach (var track in Volatile.Read(ref tracks))
        {
            mediaSsrc = mediaSsrc != 0 ? mediaSsrc : track.Ssrc;
        }

        SendRtcp(static (buffer, state) => state.Peer.Received.WriteFeedback(buffer, state.Peer.LocalSsrc, state.MediaSsrc), (Peer: this, MediaSsrc: mediaSsrc));
    }

    /// <summary>Encrypts and sends one RTCP packet that <paramref name="write"/> puts in the buffer (nothing when it writes nothing).</summary>
    public void SendRtcp<TState>(Func<Span<byte>, TState, int> write, TState state)
    {
        if (Volatile.Read(ref srtp) is not { } session)
        {
            return;
        }

        lock (sendGate)
        {
            var length = write(outbound, state);
            if (length <= 0)
            {
                return;
            }

            var result = session.ProtectRtcp(outbound, length);
            if (result.IsSuccess)
            {
                ice.Send(outbound.AsSpan(0, result.Length));
            }
        }
    }

    /// <summary>Encrypts and sends one RTP packet we made (a retransmission); <paramref name="transportSequenceOffset"/>: where its transport-wide sequence number goes (-1: none).</summary>
    internal void SendRtp(ReadOnlySpan<byte> packet, int transportSequenceOffset = -1)
    {
        if (Volatile.Read(ref srtp) is not { } session)
        {
            return;
        }

        lock (sendGate)
        {
            packet.CopyTo(outbound);
            NumberForTransport(transportSequenceOffset, packet.Length);
            var result = session.ProtectRtp(outbound, packet.Length);
            if (result.IsSuccess)
            {
                ice.Send(outbound.AsSpan(0, result.Length));
            }
        }
    }

    /// <summary>
    /// Sends up to <paramref name="bytes"/> of RTX padding (one packet, at least its header) on a video stream this
    /// subscriber gets with RTX and transport-wide sequence numbers, for a bandwidth probe; returns its length, 0 when
    /// it gets no such stream.
    /// </summary>
    internal int SendPadding(int bytes)
    {
        var subscription = PaddableVideo();
        if (subscription?.Track.Recovery is not { } recovery || Volatile.Read(ref srtp) is not { } session)
        {
            return 0;
        }

        var timestamp = subscription.Layers.Outgoing.RtpTimeAt(RtpClock.Now(time, subscription.Track.ClockRate)) ?? 0;
        var padding = Math.Clamp(bytes - PaddingPacket.HeaderLength, 1, PaddingPacket.MaxPadding);
        lock (sendGate)
        {
            var length = PaddingPacket.Write(
                outbound, subscription.PayloadTypes.PaddingType, subscription.Recovery.NextRtxSequence(), timestamp, recovery.RepairSsrc, subscription.TransportSequenceExtensionId, padding);
            NumberForTransport(PaddingPacket.TransportSequenceOffset, length);
            var result = session.ProtectRtp(outbound, length);
            if (!result.IsSuccess)
            {
                return 0;
            }

            ice.Send(outbound.AsSpan(0, result.Length));
            return length;
        }
    }

    private Subscription? PaddableVideo()
    {
        foreach (var subscription in Volatile.Read(ref receiving))
        {
            if (subscription is { Track.Kind: MediaKind.Video, Track.Recovery: not null, PayloadTypes.PaddingType: not 0, TransportSequenceExtensionId: >= 1 and <= 14 })
            {
                return subscription;
            }
        }

        return null;
    }

    /// <summary>Gives the packet in the send buffer its transport-wide sequence number (at <paramref name="offset"/>; -1: it carries none). Under the send gate, so numbers go out in order.</summary>
    private void NumberForTransport(int offset, int length)
    {
        if (offset >= 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(outbound.AsSpan(offset), Sent.Add(length));
        }
    }

    public void Close()
    {
        if (Interlocked.Exchange(ref closed, 1) == 1)
        {
            return;
        }

        ice.Received -= OnDatagram;
        dtls?.Close();
        ice.Close();
        lock (sendGate)
        {
            srtp?.Dispose();
        }

        Closed?.Invoke(this);
    }

    public void Dispose() => Close();

    private void OnDatagram(ReadOnlySpan<byte> datagram)
    {
        // DTLS (first byte 20-63) is read by the DTLS session's own subscription; only RTP and RTCP (128-191) are ours.
        if (datagram.Length < RtpHeader.FixedLength || datagram[0] < 128 || datagram[0] > 191)
        {
            return;
        }

        if (Volatile.Read(ref srtp) is not { } session)
        {
            Counters.ArrivedBeforeKeys();
            return;
        }

        if (datagram.Length > inbound.Length)
        {
            Counters.MalformedPacket();
            return;
        }

        lock (receiveGate)
        {
            datagram.CopyTo(inbound);
            var packet = inbound.AsSpan(0, datagram.Length);
            if (RtcpMux.IsRtcp(packet))
            {
                OnRtcp(session, packet);
            }
            else
            {
                OnRtp(session, packet);
            }
        }
    }

    private void OnSenderReport(in SenderReport report)
    {
        if (published.TryGetValue(report.SenderSsrc, out var track))
        {
            track.Layer(report.SenderSsrc)?.Reception?.SenderReported(report.Info.NtpTimestamp);
        }

        OnReportBlocks(report.ReportBlocks);
    }

    /// <summary>This participant, as a subscriber, reports how the streams we forward to it arrive.</summary>
    private void OnReportBlocks(in ReportBlockList blocks)
    {
        var subscriptions = Volatile.Read(ref receiving);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            foreach (var subscription in subscriptions)
            {
                if (subscription.ForwardedSsrc == block.Ssrc)
                {
                    subscription.Reported(block, time);
                }
            }
        }
    }

    private void OnFeedback(in RtcpFeedback feedback)
    {
        if (PictureLossIndication.Matches(feedback))
        {
            RequestKeyframeOf(feedback.MediaSsrc);
        }
        else if (FullIntraRequest.Matches(feedback))
        {
            for (var i = 0; i < FullIntraRequest.EntryCount(feedback); i++)
            {
                RequestKeyframeOf(FullIntraRequest.GetEntry(feedback, i).Ssrc);
            }
        }
        else if (GenericNack.Matches(feedback))
        {
            nacks.Answer(feedback, Receiving);
        }
        else if (TransportCcFeedback.TryParse(feedback, out var transport))
        {
            Congestion.OnFeedback(transport);
        }
        else if (ReceiverEstimatedMaximumBitrate.TryParse(feedback, out var bitrate, out _))
        {
            Downlink.Remb(bitrate);
        }
    }

    /// <summary>This subscriber lost the picture of <paramref name="ssrc"/>: a key frame of the layer it gets, from its publisher.</summary>
    private void RequestKeyframeOf(uint ssrc)
    {
        foreach (var subscription in Volatile.Read(ref receiving))
        {
            if (subscription.ForwardedSsrc == ssrc)
            {
                subscription.Layers.RequestKeyframe();
                return;
            }
        }

        call.FindTrack(ssrc)?.Publisher.RequestKeyframe(ssrc);
    }

    private void OnRtp(SrtpSession session, Span<byte> packet)
    {
        var result = session.UnprotectRtp(packet);
        if (!result.IsSuccess)
        {
            Counters.SrtpFailed();
            return;
        }

        var plain = packet[..result.Length];
        if (!RtpHeader.TryParse(plain, out var header))
        {
            Counters.MalformedPacket();
            return;
        }

        if (Received.TryReadSequence(plain, header, out var transportSequence))
        {
            Received.Arrived(transportSequence, DatagramArrival.OfCurrent());
        }

        if (!published.TryGetValue(header.Ssrc, out var track) && !TryBindLayer(plain, header, out track))
        {
            Counters.UnknownStream();
            return;
        }

        if (track.Layer(header.Ssrc) is not { } layer && !TryUnwrapRtx(track, ref plain, ref header, out layer))
        {
            return;
        }

        if (layer.Recovery?.Accept(plain, header.SequenceNumber) == false)
        {
            return;
        }

        track.Count(plain.Length);
        track.AudioLevel?.Observe(plain, header);
        var newest = layer.Received(plain, header, track.IsVp8(header.PayloadType));
        PacketFanOut.Forward(track.Subscriptions, layer, plain, header, RtpClock.Now(time, track.ClockRate), newest);
    }

    /// <summary>
    /// Sends each of <paramref name="subscriptions"/> that admits it a copy of <paramref name="plain"/>. A subscriber
    /// another thread is sending to right now is passed over and served after the rest: two threads fanning out to the
    /// same subscribers would otherwise wait on each one in turn.
    /// </summary>
    internal static void ForwardTo(ReadOnlySpan<Subscription> subscriptions, SimulcastLayer layer, ReadOnlySpan<byte> plain, in RtpHeader header, long arrival, bool newest)
    {
        Span<PassedOver> passedOver = subscriptions.Length <= MaxPassedOverOnStack ? stackalloc PassedOver[subscriptions.Length] : new PassedOver[subscriptions.Length];
        var passed = 0;
        for (var i = 0; i < subscriptions.Length; i++)
        {
            var subscription = subscriptions[i];
            if (subscription.Layers.TryAdmit(layer, plain, header, arrival, newest, out var sequence, out var timestamp)
                && !subscription.Subscriber.Forward(plain, header, subscription, sequence, timestamp, wait: false))
            {
                passedOver[passed++] = new PassedOver(i, sequence, timestamp);
            }
        }

        foreach (var (index, sequence, timestamp) in passedOver[..passed])
        {
            subscriptions[index].Subscriber.Forward(plain, header, subscriptions[index], sequence, timestamp, wait: true);
        }
    }

    private bool TryBindLayer(ReadOnlySpan<byte> packet, in RtpHeader header, out ForwardedTrack track)
    {
        track = SimulcastBinding.TryBind(Volatile.Read(ref tracks), packet, header)!;
        if (track is null)
        {
            return false;
        }

        IndexPublishedSsrcs();
        return true;
    }

    /// <summary>A layer's retransmission (RTX) becomes the packet it repairs, of that layer; false for padding probes and unpaired payload types.</summary>
    private static bool TryUnwrapRtx(ForwardedTrack track, ref Span<byte> packet, ref RtpHeader header, out SimulcastLayer layer)
    {
        layer = track.RepairedLayer(header.Ssrc)!;
        if (layer?.Recovery is not { } recovery || !recovery.TryUnwrap(packet, header, out var length) || !RtpHeader.TryParse(packet[..length], out header))
        {
            return false;
        }

        packet = packet[..length];
        return true;
    }

    /// <summary>Sends this subscriber its copy of a packet; false, without sending, when <paramref name="wait"/> is off and another thread is sending to it.</summary>
    private bool Forward(ReadOnlySpan<byte> packet, in RtpHeader header, Subscription subscription, ushort sequence, uint timestamp, bool wait)
    {
        var payloadType = subscription.PayloadTypes[header.PayloadType];
        if (payloadType == 0 || Volatile.Read(ref srtp) is not { } session)
        {
            return true;
        }

        if (wait)
        {
            sendGate.Enter();
        }
        else if (!sendGate.TryEnter())
        {
            return false;
        }

        try
        {
            var length = subscription.WriteCopy(outbound, packet, header, payloadType, sequence, timestamp, time, out var transportSequenceOffset);
            subscription.KeepPicturesContinuous(outbound.AsSpan(0, length), header);
            NumberForTransport(transportSequenceOffset, length);
            var result = session.ProtectRtp(outbound, length);
            if (result.IsSuccess)
            {
                ice.Send(outbound.AsSpan(0, result.Length));
                subscription.Count(length);
            }

            return true;
        }
        finally
        {
            sendGate.Exit();
        }
    }

    private void OnRtcp(SrtpSession session, Span<byte> packet)
    {
        var result = session.UnprotectRtcp(packet);
        if (!result.IsSuccess)
        {
            Counters.SrtpFailed();
            return;
        }

        var reader = new RtcpCompoundReader(packet[..result.Length]);
        while (reader.TryRead(out var rtcp))
        {
            if (SenderReport.TryParse(rtcp, out var sender))
            {
                OnSenderReport(sender);
            }
            else if (ReceiverReport.TryParse(rtcp, out var receiver))
            {
                OnReportBlocks(receiver.ReportBlocks);
            }
            else if (RtcpFeedback.TryParse(rtcp, out var feedback))
            {
                OnFeedback(feedback);
            }
        }

        if (reader.IsMalformed)
        {
            Counters.MalformedPacket();
        }
    }

    /// <summary>A subscriber's copy held back while another thread was sending to it: which subscription, its rewritten numbers.</summary>
    private readonly record struct PassedOver(int Index, ushort Sequence, uint Timestamp);
}
