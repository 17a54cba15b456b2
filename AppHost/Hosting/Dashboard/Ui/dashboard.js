'use strict';
// Shared helpers and view switching. resources.js and telemetry.js follow in the same <script>.

const views = {};

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  if (!response.ok) {
    let detail = response.status + ' ' + response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch { /* not JSON */ }
    throw new Error(detail);
  }
  const type = response.headers.get('content-type') || '';
  return type.includes('json') ? response.json() : null;
}

let noticeTimer;
function notify(message, isError) {
  const notice = document.getElementById('notice');
  notice.textContent = message;
  notice.className = 'notice' + (isError ? ' error' : '');
  notice.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { notice.hidden = true; }, 6000);
}

// An EventSource that reports its state in the header and reconnects by itself (the browser does that).
function stream(path, onData) {
  const source = new EventSource(path);
  const indicator = document.getElementById('connection');
  source.onopen = () => { indicator.textContent = 'live'; indicator.className = 'connection live'; };
  source.onerror = () => { indicator.textContent = 'reconnecting…'; indicator.className = 'connection down'; };
  source.onmessage = event => onData(JSON.parse(event.data));
  return source;
}

function formatDuration(ms) {
  if (ms < 1) return ms.toFixed(2) + ' ms';
  if (ms < 1000) return Math.round(ms) + ' ms';
  const seconds = ms / 1000;
  if (seconds < 60) return seconds.toFixed(seconds < 10 ? 2 : 1) + ' s';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return minutes + 'm ' + Math.floor(seconds % 60) + 's';
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours + 'h ' + (minutes % 60) + 'm';
  return Math.floor(hours / 24) + 'd ' + (hours % 24) + 'h';
}

function formatTime(iso) {
  const date = new Date(iso);
  return date.toLocaleTimeString([], { hour12: false }) + '.' + String(date.getMilliseconds()).padStart(3, '0');
}

function fillServiceFilters(services) {
  for (const select of document.querySelectorAll('select[data-service-filter]')) {
    const chosen = select.value;
    const known = new Set([...select.options].map(o => o.value));
    for (const service of services) {
      if (!known.has(service)) select.append(el('option', { value: service, text: service }));
    }
    select.value = chosen;
  }
}

let currentView = 'resources';
function showView(name) {
  currentView = name;
  for (const button of document.querySelectorAll('nav [data-view]')) {
    button.classList.toggle('active', button.dataset.view === name);
  }
  for (const panel of document.querySelectorAll('main > .panel')) {
    panel.hidden = panel.id !== 'panel-' + name;
  }
  if (views[name] && views[name].shown) views[name].shown();
  if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
}

document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('nav [data-view]')) {
    button.addEventListener('click', () => showView(button.dataset.view));
  }
  for (const view of Object.values(views)) {
    if (view.init) view.init();
  }
  const initial = location.hash.slice(1);
  showView(views[initial] ? initial : 'resources');
});
