// Resources view (live table from /api/resources/stream) and Console view (live log lines of one resource).

const resources = new Map();
const commandsAllowed = {
  start: ['Exited', 'Finished', 'FailedToStart', 'NotStarted'],
  stop: ['Running', 'Starting', 'Waiting', 'RuntimeUnhealthy'],
  restart: ['Running', 'RuntimeUnhealthy', 'Exited', 'Finished', 'FailedToStart'],
};

function resourceRow(name) {
  let row = document.querySelector(`tr[data-resource="${CSS.escape(name)}"]`);
  if (row) return row;
  const cell = (field, cls) => el('td', { 'data-field': field, class: cls });
  const actions = el('td', { class: 'actions' },
    ['start', 'stop', 'restart'].map(command => el('button', {
      type: 'button',
      'data-command': command,
      text: command[0].toUpperCase() + command.slice(1),
      onclick: () => runCommand(name, command),
    })));
  row = el('tr', { 'data-resource': name },
    el('td', { class: 'name', text: name }),
    cell('type'), cell('state', 'state'), cell('health', 'health'), cell('pid', 'num'),
    cell('restarts', 'num'), cell('uptime', 'num'), cell('endpoints', 'endpoints'), actions);
  document.getElementById('resource-rows').append(row);
  return row;
}

function renderResource(resource) {
  resources.set(resource.name, resource);
  const row = resourceRow(resource.name);
  row.classList.toggle('child', !!resource.parent);
  const field = name => row.querySelector(`[data-field="${name}"]`);
  field('type').textContent = resource.resourceType;
  const state = field('state');
  state.textContent = resource.state;
  state.className = 'state state-' + resource.state;
  state.title = resource.stateMessage || '';
  const health = field('health');
  health.textContent = resource.healthStatus || '';
  health.className = 'health health-' + (resource.healthStatus || 'none');
  health.title = resource.healthDescription || '';
  field('pid').textContent = resource.pid === null || resource.pid === undefined ? '' : String(resource.pid);
  field('restarts').textContent = String(resource.restarts);
  field('endpoints').replaceChildren(...(resource.urls || []).map(url =>
    el('a', { href: url.url, target: '_blank', rel: 'noopener', text: url.url, title: url.name })));
  for (const button of row.querySelectorAll('[data-command]')) {
    button.disabled = !commandsAllowed[button.dataset.command].includes(resource.state);
  }
  updateUptime(resource);
  sortRows();
  refreshConsoleChoices();
}

function updateUptime(resource) {
  const row = resourceRow(resource.name);
  const running = resource.startedAt && ['Running', 'Starting', 'RuntimeUnhealthy'].includes(resource.state);
  row.querySelector('[data-field="uptime"]').textContent =
    running ? formatDuration(Date.now() - Date.parse(resource.startedAt)) : '';
}

// Children sit under their parent; otherwise rows keep name order.
function sortRows() {
  const body = document.getElementById('resource-rows');
  const key = r => (r.parent ? r.parent + '\u0001' + r.name : r.name + '\u0000');
  const ordered = [...resources.values()].sort((a, b) => key(a).localeCompare(key(b)));
  ordered.forEach((resource, index) => {
    const row = resourceRow(resource.name);
    if (body.children[index] !== row) body.insertBefore(row, body.children[index] || null);
  });
  document.getElementById('resources-empty').hidden = resources.size > 0;
}

async function runCommand(name, command) {
  try {
    await api(`/api/resources/${encodeURIComponent(name)}/commands/${command}`, { method: 'POST' });
    notify(`${name}: ${command} requested.`);
  } catch (problem) {
    notify(`${name}: ${command} failed: ${problem.message}`, true);
  }
}

views.resources = {
  init() {
    stream('/api/resources/stream', data => {
      if (Array.isArray(data)) {
        // A (re)connection starts with the full list: drop rows of resources that are gone.
        const names = new Set(data.map(r => r.name));
        for (const name of [...resources.keys()]) {
          if (!names.has(name)) {
            resources.delete(name);
            resourceRow(name).remove();
          }
        }
        data.forEach(renderResource);
      } else {
        renderResource(data);
      }
    });
    setInterval(() => resources.forEach(updateUptime), 1000);
  },
};

// Console view
let consoleSource = null;
const maxConsoleLines = 5000;

function refreshConsoleChoices() {
  const select = document.getElementById('console-resource');
  const known = new Set([...select.options].map(o => o.value));
  for (const name of [...resources.keys()].sort()) {
    if (!known.has(name)) select.append(el('option', { value: name, text: name }));
  }
}

function openConsole(name) {
  if (consoleSource) consoleSource.close();
  const output = document.getElementById('console-output');
  output.replaceChildren();
  if (!name) return;
  consoleSource = new EventSource(`/api/resources/${encodeURIComponent(name)}/logs/stream`);
  consoleSource.onmessage = event => {
    const line = JSON.parse(event.data);
    output.append(el('div', { class: line.isError ? 'err' : null },
      el('span', { class: 'ts', text: formatTime(line.timestamp) + '  ' }), line.text));
    while (output.childElementCount > maxConsoleLines) output.firstElementChild.remove();
    if (document.getElementById('console-follow').checked) output.scrollTop = output.scrollHeight;
  };
}

views.console = {
  init() {
    const select = document.getElementById('console-resource');
    select.addEventListener('change', () => openConsole(select.value));
    document.getElementById('console-clear').addEventListener('click', () =>
      document.getElementById('console-output').replaceChildren());
  },
  shown() {
    const select = document.getElementById('console-resource');
    if (!consoleSource && select.value) openConsole(select.value);
  },
};
