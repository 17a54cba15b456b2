// Traces view (list + waterfall) and Structured logs view; both refresh on /api/telemetry/stream pings.

let selectedTraceId = null;
let logTraceFilter = null;

async function refreshServices() {
  fillServiceFilters(await api('/api/telemetry/services'));
}

async function loadTraces() {
  const service = document.getElementById('trace-service').value;
  const traces = await api('/api/traces' + (service ? '?service=' + encodeURIComponent(service) : ''));
  const list = document.getElementById('trace-list');
  list.replaceChildren(...traces.map(trace => el('li', {
    'data-trace-id': trace.traceId,
    'data-services': trace.services.join(' '),
    class: [trace.hasError ? 'error' : '', trace.traceId === selectedTraceId ? 'selected' : ''].join(' ').trim() || null,
    onclick: () => selectTrace(trace.traceId),
  },
  el('span', { class: 'root', text: trace.rootName }),
  el('span', {
    class: 'meta',
    text: `${formatTime(trace.start)} · ${formatDuration(trace.durationMs)} · ${trace.spanCount} spans · ${trace.services.join(', ')}`,
  }))));
  document.getElementById('trace-count').textContent = traces.length + ' traces';
  if (traces.length === 0) list.append(el('li', { class: 'empty', text: 'No traces received yet.' }));
}

async function selectTrace(traceId) {
  selectedTraceId = traceId;
  for (const item of document.querySelectorAll('#trace-list [data-trace-id]')) {
    item.classList.toggle('selected', item.dataset.traceId === traceId);
  }
  await loadTraceDetail();
}

function spanDepths(spans) {
  const byId = new Map(spans.map(s => [s.spanId, s]));
  const depths = new Map();
  const depth = span => {
    if (depths.has(span.spanId)) return depths.get(span.spanId);
    depths.set(span.spanId, 0); // guards against parent cycles in bad data
    const parent = span.parentSpanId && byId.get(span.parentSpanId);
    const value = parent ? depth(parent) + 1 : 0;
    depths.set(span.spanId, value);
    return value;
  };
  spans.forEach(depth);
  return depths;
}

// Depth-first order: each span right under its parent, siblings by start time.
function waterfallOrder(spans) {
  const ids = new Set(spans.map(s => s.spanId));
  const children = new Map();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(span);
  }
  const ordered = [];
  const seen = new Set();
  const visit = parent => (children.get(parent) || [])
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .forEach(span => {
      if (seen.has(span.spanId)) return;
      seen.add(span.spanId);
      ordered.push(span);
      visit(span.spanId);
    });
  visit('');
  return ordered.concat(spans.filter(s => !seen.has(s.spanId)));
}

async function loadTraceDetail() {
  const detail = document.getElementById('trace-detail');
  if (!selectedTraceId) return;
  let trace;
  try {
    trace = await api('/api/traces/' + encodeURIComponent(selectedTraceId));
  } catch (problem) {
    detail.replaceChildren(el('p', { class: 'empty', text: problem.message }));
    return;
  }
  const start = Date.parse(trace.start);
  const total = Math.max(trace.durationMs, 0.001);
  const depths = spanDepths(trace.spans);
  const rows = waterfallOrder(trace.spans).map(span => {
    const offset = (Date.parse(span.start) - start) / total * 100;
    const width = span.durationMs / total * 100;
    const attributes = el('div', { class: 'span-attrs', hidden: true },
      Object.entries(span.attributes).map(([key, value]) => el('div', { text: `${key} = ${value}` })),
      span.statusMessage ? el('div', { text: `status = ${span.status}: ${span.statusMessage}` }) : null);
    const row = el('div', {
      class: 'span-row' + (span.status === 'Error' ? ' error' : ''),
      'data-span-service': span.service,
      'data-span-id': span.spanId,
      title: `${span.kind} · ${span.status}`,
      onclick: () => { attributes.hidden = !attributes.hidden; },
    },
    el('div', { class: 'label', style: `padding-left:${depths.get(span.spanId) * 14}px` },
      el('span', { class: 'svc', text: span.service }), span.name),
    el('div', { class: 'track' },
      el('div', { class: 'bar', style: `left:${offset}%;width:${width}%` }),
      el('span', { class: 'dur', style: `left:${Math.min(offset + width, 90)}%`, text: ' ' + formatDuration(span.durationMs) })),
    attributes);
    return row;
  });
  detail.replaceChildren(
    el('h2', { text: trace.rootName }),
    el('p', { class: 'muted', text: `${trace.traceId} · ${formatDuration(trace.durationMs)} · ${trace.services.join(', ')}` }),
    el('p', {}, el('a', { class: 'trace-link', text: 'Logs of this trace', onclick: () => showLogsOfTrace(trace.traceId) })),
    ...rows);
}

async function loadLogs() {
  const service = document.getElementById('log-service').value;
  const query = new URLSearchParams({ limit: '500' });
  if (service) query.set('service', service);
  if (logTraceFilter) query.set('traceId', logTraceFilter);
  const logs = await api('/api/logs?' + query);
  const text = document.getElementById('log-text').value.toLowerCase();
  const shown = text ? logs.filter(l => l.message.toLowerCase().includes(text)) : logs;
  document.getElementById('log-rows').replaceChildren(...shown.map(log => el('tr', {
    'data-log-service': log.service,
  },
  el('td', { class: 'num', text: formatTime(log.timestamp) }),
  el('td', { text: log.service }),
  el('td', { class: 'level-' + log.severity, text: log.severity }),
  el('td', { class: 'msg', text: log.message, title: Object.entries(log.attributes).map(([k, v]) => `${k} = ${v}`).join('\n') }),
  el('td', {}, log.traceId
    ? el('a', { class: 'trace-link', text: log.traceId.slice(0, 8), title: log.traceId, onclick: () => openTrace(log.traceId) })
    : ''))));
  document.getElementById('log-count').textContent = shown.length + ' records';
}

function showLogsOfTrace(traceId) {
  logTraceFilter = traceId;
  const chip = document.getElementById('log-trace-filter');
  chip.textContent = 'trace ' + traceId.slice(0, 8) + ' ✕';
  chip.hidden = false;
  showView('logs');
}

function openTrace(traceId) {
  selectedTraceId = traceId;
  showView('traces');
}

function refreshActive() {
  const work = currentView === 'traces' ? Promise.all([loadTraces(), loadTraceDetail()])
    : currentView === 'logs' ? loadLogs() : Promise.resolve();
  return Promise.all([work, refreshServices()]).catch(problem => notify(problem.message, true));
}

views.traces = {
  init() {
    document.getElementById('trace-service').addEventListener('change', () => loadTraces());
    stream('/api/telemetry/stream', () => refreshActive());
  },
  shown: () => refreshActive(),
};

views.logs = {
  init() {
    document.getElementById('log-service').addEventListener('change', () => loadLogs());
    document.getElementById('log-text').addEventListener('input', () => loadLogs());
    document.getElementById('log-trace-filter').addEventListener('click', event => {
      logTraceFilter = null;
      event.target.hidden = true;
      loadLogs();
    });
  },
  shown: () => refreshActive(),
};
