// Captures real SDP offers from the browsers installed on this machine and stores them beside this script.
// Usage: node capture-offers.mjs   (needs /usr/bin/chromium; firefox-esr is used when installed)
// A local page builds the offers (audio + video, and video with three simulcast rids) from synthetic tracks, waits for
// ICE gathering, and posts each offer back here; nothing is edited after capture.
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const page = `<!doctype html><script>
async function tracks() {
  const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 360 });
  const context = canvas.getContext('2d');
  setInterval(() => { context.fillStyle = '#' + Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0'); context.fillRect(0, 0, 640, 360); }, 40);
  const video = canvas.captureStream(25).getVideoTracks()[0];
  const audioContext = new AudioContext();
  const oscillator = audioContext.createOscillator();
  const destination = audioContext.createMediaStreamDestination();
  oscillator.connect(destination); oscillator.start();
  return { stream: new MediaStream([destination.stream.getAudioTracks()[0], video]), audio: destination.stream.getAudioTracks()[0], video };
}
async function offerOf(configure) {
  const pc = new RTCPeerConnection();
  await configure(pc);
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise(done => { if (pc.iceGatheringState === 'complete') done(); pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && done(); setTimeout(done, 5000); });
  const sdp = pc.localDescription.sdp; pc.close(); return sdp;
}
(async () => {
  const browser = navigator.userAgent.includes('Firefox') ? 'firefox' : 'chrome';
  const { stream, audio, video } = await tracks();
  const offers = {
    'audio-video': await offerOf(pc => { pc.addTrack(audio, stream); pc.addTrack(video, stream); }),
    'simulcast': await offerOf(pc => {
      pc.addTrack(audio, stream);
      pc.addTransceiver(video, { streams: [stream], sendEncodings: [
        { rid: 'q', scaleResolutionDownBy: 4 }, { rid: 'h', scaleResolutionDownBy: 2 }, { rid: 'f' }] });
    }),
  };
  for (const [name, sdp] of Object.entries(offers)) await fetch('/offer/' + browser + '-' + name, { method: 'POST', body: sdp });
  await fetch('/done/' + browser, { method: 'POST' });
})().catch(e => fetch('/error', { method: 'POST', body: String(e) }));
</script>`;

let finish;
const server = createServer((request, response) => {
  let body = '';
  request.on('data', chunk => body += chunk);
  request.on('end', () => {
    if (request.url.startsWith('/offer/')) {
      const file = join(here, request.url.slice('/offer/'.length) + '.sdp');
      writeFileSync(file, body);
      console.log('captured', file);
    } else if (request.url.startsWith('/done/') || request.url === '/error') {
      if (request.url === '/error') console.error('page error:', body);
      finish?.();
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(request.method === 'GET' ? page : '');
  });
});
await new Promise(listening => server.listen(0, '127.0.0.1', listening));
const url = `http://127.0.0.1:${server.address().port}/`;

async function capture(command, args) {
  const child = spawn(command, args, { stdio: 'ignore' });
  await Promise.race([new Promise(done => finish = done), new Promise(done => setTimeout(done, 60000))]);
  child.kill('SIGTERM');
}

await capture('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--autoplay-policy=no-user-gesture-required',
  `--user-data-dir=${mkdtempSync(join(tmpdir(), 'capture-chromium-'))}`, url]);
if (existsSync('/usr/bin/firefox-esr')) {
  const profile = mkdtempSync(join(tmpdir(), 'capture-firefox-'));
  writeFileSync(join(profile, 'user.js'), 'user_pref("media.autoplay.default", 0);\nuser_pref("browser.shell.checkDefaultBrowser", false);\n');
  await capture('/usr/bin/firefox-esr', ['--headless', '--no-remote', '--profile', profile, url]);
}
server.close();
