// A group call through the SFU, for the bundled web client (and the browser tests that drive it).
// The client leads every negotiation: it offers its own audio and video once, and one receive-only audio and video
// transceiver per other participant; the SFU answers, telling which participant each one carries (a=msid).
// It follows the call's participants by polling GET /api/calls/{id} (the Presence hub also announces them).
// The dominant speaker comes from the hub's `dominant-speaker` push (pass it to onDominantSpeaker) and from the poll;
// their tile gets the `dominant-speaker` class and a `dominantspeaker` event fires with { userId, participantId }.
// When its call ended because its SFU node was lost (the Presence hub's `call-ended` with reason `node-lost`, given the
// hub connection; or the call read as ended so when polling), it rejoins: the room's call is created again, on a live
// node, and joined there.
// Video is published as three simulcast layers (rids q/h/f at 1/4, 1/2 and full resolution) where the browser can; the
// SFU forwards each receiver one layer, the best its bandwidth and its requested maximum height (setMaxHeight) allow.

/** The simulcast layers a camera is published with, lowest first. */
export const SIMULCAST_ENCODINGS = [
  { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 },
];

export class GroupCall extends EventTarget {
  #token;
  #pc;
  #callId;
  #participantId;
  #remote = new Map(); // participant id -> { audio, video } transceivers
  #timer;
  #syncing = Promise.resolve();
  #userParticipants = new Map(); // user id -> participant id

  #container;
  #hub;
  #roomId;
  #stream;
  #onCallEnded = ended => this.#callEnded(ended);
  #rejoining = false;
  // Each join starts a new session: a sync begun for an earlier one (the call its node took down) must not touch this
  // one's connection, whose call id and participant id change while the join is under way.
  #session = 0;
  #offerOwed = false; // a renegotiation failed: the next sync offers again even if nobody came or went

  /**
   * `container`: where each participant's audio and video play (one video element per participant).
   * `hub`: the Presence hub connection (a SignalR HubConnection), to hear that the call ended and rejoin; optional.
   * `simulcast`: publish video as three layers where the browser can.
   */
  constructor({ token, container, hub, pollMilliseconds = 1000, simulcast = true }) {
    super();
    this.simulcast = simulcast;
    this.#token = token;
    this.#container = container;
    this.#hub = hub;
    this.#hub?.on('call-ended', this.#onCallEnded);
    this.pollMilliseconds = pollMilliseconds;
    this.streams = new Map(); // participant id -> MediaStream received
    this.dominantSpeaker = null; // user id
  }

  get callId() { return this.#callId; }
  get participantId() { return this.#participantId; }
  get peerConnection() { return this.#pc; }

  /** Starts or joins the room's call, publishing the tracks of `stream`. */
  async join(roomId, stream) {
    this.#session++;
    this.#participantId = null;
    this.#roomId = roomId;
    this.#stream = stream;
    this.#offerOwed = false;
    const call = await this.#api('POST', '/api/calls/group', { roomId });
    this.#callId = call.id;
    this.#pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    for (const track of stream.getTracks()) {
      this.#publish(track, stream);
    }
    this.#pc.ontrack = event => this.#onTrack(event);
    await this.#pc.setLocalDescription(await this.#pc.createOffer());
    const joined = await this.#api('POST', `/api/calls/${this.#callId}/join`, { sdp: this.#pc.localDescription.sdp });
    this.#participantId = joined.participantId;
    try {
      await this.#pc.setRemoteDescription({ type: 'answer', sdp: joined.sdp });
    } catch (error) {
      // Leave, so that a retry does not leave this connection behind in the call as a participant nobody hears.
      await this.#api('POST', `/api/calls/${this.#callId}/leave`).catch(() => {});
      throw error;
    }
    this.#timer = setInterval(() => this.sync().catch(error => this.#report(error)), this.pollMilliseconds);
    // The call is joined even if this first look at its participants fails: the poll looks again.
    await this.sync().catch(error => this.#report(error));
    return this;
  }

  /** Brings the transceivers in line with the call's participants and renegotiates when they changed. */
  sync() {
    // A failed sync (reported to its caller) must not stop the ones after it.
    const session = this.#session;
    this.#syncing = this.#syncing.catch(() => {}).then(() => this.#sync(session));
    return this.#syncing;
  }

  /** What arrives from each other participant: video frames decoded and audio samples received so far (see inbound). */
  receiving() {
    return this.inbound();
  }

  /**
   * Asks the SFU for video at most `maxHeight` pixels high (e.g. 180 for a thumbnail, 720 for a spotlight), from one
   * participant or from everyone when `publisherParticipantId` is omitted; 0 pauses video (audio keeps flowing).
   */
  async setMaxHeight(maxHeight, publisherParticipantId) {
    await this.#api('PUT', `/api/calls/${this.#callId}/participants/${this.#participantId}/video`, { maxHeight, publisherParticipantId });
  }

  /**
   * The received video of each other participant as decoded now: frame size, frames decoded, its freezes and pauses as
   * the browser counts them (seconds), and audio samples received.
   */
  async inbound() {
    const byMid = new Map();
    (await this.#pc.getStats()).forEach(report => {
      if (report.type === 'inbound-rtp') {
        byMid.set(report.mid, report);
      }
    });
    const result = {};
    for (const [id, transceivers] of this.#remote) {
      const video = byMid.get(transceivers.video.mid);
      result[id] = {
        frameWidth: video?.frameWidth ?? 0,
        frameHeight: video?.frameHeight ?? 0,
        framesDecoded: video?.framesDecoded ?? 0,
        freezeCount: video?.freezeCount ?? 0,
        totalFreezesDuration: video?.totalFreezesDuration ?? 0,
        pauseCount: video?.pauseCount ?? 0,
        totalSamplesReceived: byMid.get(transceivers.audio.mid)?.totalSamplesReceived ?? 0,
      };
    }
    return result;
  }

  /** The hub's `dominant-speaker` push ({ callId, userId }): highlights that participant's tile. */
  onDominantSpeaker({ callId, userId }) {
    if (callId === this.#callId) {
      this.#setDominantSpeaker(userId);
    }
  }

  async leave() {
    this.#hub?.off('call-ended', this.#onCallEnded);
    clearInterval(this.#timer);
    // Leave before closing: a closed connection (DTLS close_notify) already takes the participant out of the call.
    if (this.#callId) {
      await this.#api('POST', `/api/calls/${this.#callId}/leave`);
    }
    this.#pc?.close();
  }

  /** The media of a call whose node was lost is gone: start over with the room's new call (it lands on a live node). */
  async #callEnded({ callId, reason }) {
    if (callId !== this.#callId || reason !== 'node-lost' || this.#rejoining) {
      return;
    }
    this.#rejoining = true;
    this.#stop();
    for (const id of this.#remote.keys()) {
      this.#container?.querySelector(`[data-participant="${id}"]`)?.remove();
    }
    this.#remote.clear();
    this.streams.clear();
    // A node's death takes the gateway a moment to notice: a few attempts, a poll interval apart.
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        await this.join(this.#roomId, this.#stream);
        this.dispatchEvent(new CustomEvent('rejoined', { detail: { from: callId, to: this.#callId } }));
        break;
      } catch (error) {
        this.#stop();
        this.#report(error);
        await new Promise(resolve => setTimeout(resolve, this.pollMilliseconds));
      }
    }
    this.#rejoining = false;
  }

  /** Offers the current transceivers; when that fails, rolls the offer back and owes the next sync another. */
  async #renegotiate(session) {
    // Read before the first await: a rejoin may replace them meanwhile, and this offer belongs to the session it began in.
    const [pc, callId, participantId] = [this.#pc, this.#callId, this.#participantId];
    this.#offerOwed = true;
    try {
      await pc.setLocalDescription(await pc.createOffer());
      const answer = await this.#api('POST', `/api/calls/${callId}/participants/${participantId}/offer`, { sdp: pc.localDescription.sdp });
      if (session === this.#session) {
        await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
        this.#offerOwed = false;
      }
    } catch (error) {
      if (session === this.#session && pc.signalingState === 'have-local-offer') {
        await pc.setLocalDescription({ type: 'rollback' }).catch(() => {});
      }
      throw error;
    }
  }

  #report(error) {
    this.dispatchEvent(new CustomEvent('error', { detail: error }));
  }

  #stop() {
    clearInterval(this.#timer);
    this.#pc?.close();
  }

  async #sync(session) {
    if (session !== this.#session || !this.#participantId) {
      return;
    }
    const call = await this.#api('GET', `/api/calls/${this.#callId}`);
    if (session !== this.#session) {
      return;
    }
    if (call.endedAt) {
      // Not awaited: rejoining syncs again, which waits for this sync to finish.
      setTimeout(() => this.#callEnded({ callId: call.id, reason: call.endReason }));
      return;
    }
    this.#userParticipants = new Map(call.participants.map(p => [p.userId, p.participantId]));
    const others = call.participants.filter(p => p.participantId !== this.#participantId).map(p => p.participantId);
    let changed = false;
    for (const id of others) {
      if (!this.#remote.has(id)) {
        this.#remote.set(id, {
          audio: this.#pc.addTransceiver('audio', { direction: 'recvonly' }),
          video: this.#pc.addTransceiver('video', { direction: 'recvonly' }),
        });
        changed = true;
      }
    }
    for (const [id, transceivers] of this.#remote) {
      if (!others.includes(id)) {
        transceivers.audio.stop();
        transceivers.video.stop();
        this.#remote.delete(id);
        this.streams.delete(id);
        this.#container?.querySelector(`[data-participant="${id}"]`)?.remove();
        this.dispatchEvent(new CustomEvent('participantleft', { detail: id }));
        changed = true;
      }
    }
    if (changed || this.#offerOwed) {
      await this.#renegotiate(session);
    }
    this.participants = others;
    if (call.dominantSpeaker) {
      this.#setDominantSpeaker(call.dominantSpeaker);
    }
  }

  #setDominantSpeaker(userId) {
    if (userId === this.dominantSpeaker) {
      return;
    }
    this.dominantSpeaker = userId;
    const participantId = this.#userParticipants.get(userId) ?? null;
    this.#container?.querySelectorAll('[data-participant]').forEach(tile =>
      tile.classList.toggle('dominant-speaker', tile.dataset.participant === participantId));
    this.dispatchEvent(new CustomEvent('dominantspeaker', { detail: { userId, participantId } }));
  }

  /** Sends a track; a camera big enough for three layers goes out as simulcast when the browser supports it. */
  #publish(track, stream) {
    const height = track.getSettings?.().height ?? 0;
    if (track.kind === 'video' && this.simulcast && height >= 360) {
      try {
        this.#pc.addTransceiver(track, { direction: 'sendonly', streams: [stream], sendEncodings: SIMULCAST_ENCODINGS.map(e => ({ ...e })) });
        return;
      } catch {
        // No simulcast in this browser: one encoding below.
      }
    }
    this.#pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
  }

  #onTrack(event) {
    const [stream] = event.streams;
    if (!stream) {
      return;
    }
    this.streams.set(stream.id, stream);
    this.#play(stream);
    this.dispatchEvent(new CustomEvent('participanttrack', { detail: { participantId: stream.id, track: event.track, stream } }));
  }

  #play(stream) {
    if (!this.#container || this.#container.querySelector(`[data-participant="${stream.id}"]`)) {
      return;
    }
    const video = document.createElement('video');
    Object.assign(video, { autoplay: true, playsInline: true, srcObject: stream });
    video.dataset.participant = stream.id;
    video.classList.toggle('dominant-speaker', this.#userParticipants.get(this.dominantSpeaker) === stream.id);
    this.#container.append(video);
  }

  async #api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: { 'Authorization': `Bearer ${this.#token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) {
      const problem = await response.text();
      throw new Error(`${method} ${path} answered ${response.status}: ${problem}`);
    }
    return response.status === 204 ? null : response.json();
  }
}
