// The supervisor view: queues (waiting chats, longest wait, agents by state, service level) and agents, refreshed
// by polling routing-service every few seconds.
import { $, el, formatDuration, show } from '/js/dom.js';
import { Api, listOf } from '/js/api.js';
import { SignIn } from '/js/signin.js';
import { HoursEditor } from './hours.js';

const REFRESH_MS = 3000;
const PERCENT = 100;
const signIn = new SignIn('switchboard.supervisor.token', 'supervisor');
const api = new Api(() => signIn.token, () => signIn.signOut());
const STATE_LABELS = { READY: 'Ready', NOT_READY: 'Not Ready', AFTER_CHAT_WORK: 'After chat work', LOGGED_OUT: 'Logged out', BUSY: 'Busy' };

const cell = (value) => el('td', {}, value ?? '—');

function serviceLevel(value) {
  if (value === null || value === undefined) return '—';
  const ratio = Number(value);
  return `${Math.round(ratio <= 1 ? ratio * PERCENT : ratio)} %`;
}

async function refreshQueues() {
  try {
    const stats = await api.get('/api/routing/stats');
    const queues = listOf(stats, 'queues');
    $('#queue-rows').replaceChildren(...queues.map((q) => el('tr', { dataset: { queue: q.queue || q.name } },
      el('th', { scope: 'row' }, q.queue || q.name),
      cell(q.waiting), cell(formatDuration(q.longestWaitSeconds)),
      cell(q.agents?.ready ?? q.ready), cell(q.agents?.busy ?? q.busy), cell(q.agents?.notReady ?? q.notReady),
      cell(q.offered), cell(q.accepted), cell(q.abandoned), cell(serviceLevel(q.serviceLevel)))));
    $('#queues-error').textContent = '';
  } catch (error) {
    $('#queues-error').textContent = `Queue figures unavailable: ${error.message}`;
  }
}

// Not Ready shows why: a break, a missed offer, or "disconnected" (the agent's desktop was away past the grace).
function stateText(agent) {
  const label = STATE_LABELS[agent.state] || agent.state;
  return agent.state === 'NOT_READY' && agent.reason ? `${label} (${agent.reason})` : label;
}

async function refreshAgents() {
  try {
    const agents = listOf(await api.get('/api/routing/agents'), 'agents');
    $('#agent-rows').replaceChildren(...agents.map((a) => el('tr', { dataset: { agent: a.id } },
      el('th', { scope: 'row' }, a.name || a.id),
      cell(stateText(a)),
      cell(a.activeChats ?? a.load ?? a.chats),
      cell(Object.entries(a.skills || {}).map(([skill, level]) => `${skill} ${level}`).join(', ')))));
    $('#agents-error').textContent = '';
  } catch (error) {
    $('#agents-error').textContent = `Agents unavailable: ${error.message}`;
  }
}

async function refresh() {
  await Promise.all([refreshQueues(), refreshAgents()]);
  $('#refreshed').textContent = `Updated ${new Date().toLocaleTimeString()}`;
}

async function start() {
  const user = await signIn.ensureSignedIn();
  show($('#board'), true);
  $('#supervisor-name').textContent = user.name;
  $('#sign-out').addEventListener('click', () => signIn.signOut());
  await refresh();
  setInterval(refresh, REFRESH_MS);
  new HoursEditor(api).start().catch((error) => {
    $('#hours-status').textContent = `Business hours unavailable: ${error.message}`;
  });
}

start();
