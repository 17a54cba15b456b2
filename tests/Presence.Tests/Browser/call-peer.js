// A one-to-one call client as a web page would write it: the SignalR JS client on the chat hub, one RTCPeerConnection,
// the offer, answer and ICE candidates relayed through the hub. Only loopback candidates are sent, so media stays on 127.0.0.1.
window.callPeer = (() => {
  const problems = [];
  let hub, pc, callId, peer, caller = false;
  let queue = Promise.resolve();
  const inOrder = handler => message => {
    queue = queue.then(() => handler(message)).catch(error => problems.push(String(error)));
  };

  async function start({ token, iceServers, relayOnly }) {
    hub = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/chat', { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
      .build();
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    pc = new RTCPeerConnection({ iceServers: JSON.parse(iceServers), iceTransportPolicy: relayOnly ? 'relay' : 'all' });
    stream.getTracks().forEach(track => pc.addTrack(track, stream));
    pc.ontrack = event => {
      const video = document.createElement('video');
      Object.assign(video, { muted: true, autoplay: true, playsInline: true, srcObject: event.streams[0] });
      document.body.appendChild(video);
      video.play().catch(() => {});
    };
    pc.onicecandidate = event => {
      if (event.candidate && event.candidate.candidate && event.candidate.address === '127.0.0.1') {
        hub.invoke('ice-candidate', callId, peer, event.candidate.toJSON()).catch(error => problems.push(String(error)));
      }
    };
    hub.on('incoming-call', inOrder(async call => {
      callId = call.callId;
      peer = call.from;
      await hub.invoke('AcceptCall', callId, false);
    }));
    hub.on('participant-joined', inOrder(async change => {
      if (!caller || change.callId !== callId || change.userId !== peer) return;
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      await hub.invoke('group-offer', callId, peer, { type: offer.type, sdp: offer.sdp });
    }));
    hub.on('group-offer', inOrder(async message => {
      await pc.setRemoteDescription(message.description);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      await hub.invoke('group-answer', callId, peer, { type: answer.type, sdp: answer.sdp });
    }));
    hub.on('group-answer', inOrder(message => pc.setRemoteDescription(message.description)));
    hub.on('ice-candidate', inOrder(message => pc.addIceCandidate(message.candidate)));
    await hub.start();
  }

  async function invite(calleeId) {
    caller = true;
    peer = calleeId;
    callId = await hub.invoke('InviteUser', calleeId, 'video');
    return callId;
  }

  // Video frames decoded so far and the candidate types of the pair ICE selected.
  async function stats() {
    const report = await pc.getStats();
    let framesDecoded = 0;
    let pair = null;
    report.forEach(entry => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'video') framesDecoded += entry.framesDecoded || 0;
      if (entry.type === 'transport' && entry.selectedCandidatePairId) pair = report.get(entry.selectedCandidatePairId);
    });
    const local = pair && report.get(pair.localCandidateId);
    const remote = pair && report.get(pair.remoteCandidateId);
    return JSON.stringify({
      framesDecoded,
      localType: local ? local.candidateType : null,
      remoteType: remote ? remote.candidateType : null,
      ice: pc.iceConnectionState,
      problems,
    });
  }

  return { start, invite, stats };
})();
