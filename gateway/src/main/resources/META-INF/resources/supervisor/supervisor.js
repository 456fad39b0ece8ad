// The supervisor view: queues (waiting chats, longest wait, agents by state, service level) and agents, refreshed
// by polling routing-service every few seconds.
import { $, el, show } from '/js/dom.js';
import { Api, listOf } from '/js/api.js';
import { SignIn } from '/js/signin.js';
import { LiveChats } from './live-chats.js';
import { formatDuration, formatPercent, formatTime, label, onLanguageChange, startPageLanguage, t } from '/js/i18n.js';
import { HoursEditor } from './hours.js';

const REFRESH_MS = 3000;
const PERCENT = 100;
const NOTHING = '—';
const signIn = new SignIn('switchboard.supervisor.token', 'supervisor');
const api = new Api(() => signIn.token, () => signIn.signOut());

const cell = (value) => el('td', {}, value ?? NOTHING);

/** The service level comes as a ratio (0.85) or, from older services, as a percentage (85). */
function serviceLevel(value) {
  if (value === null || value === undefined) return NOTHING;
  const ratio = Number(value);
  return formatPercent(ratio <= 1 ? ratio : ratio / PERCENT);
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
    $('#queues-error').textContent = t('supervisor.error.queues', { error: error.message });
  }
}

// Not Ready shows why: a break, a missed offer, or "disconnected" (the agent's desktop was away past the grace).
function stateText(agent) {
  const state = label('agentState', agent.state);
  return agent.state === 'NOT_READY' && agent.reason
    ? t('agentState.withReason', { state, reason: label('agentState.reason', agent.reason) }) : state;
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
    $('#agents-error').textContent = t('supervisor.error.agents', { error: error.message });
  }
}

async function refresh() {
  await Promise.all([refreshQueues(), refreshAgents()]);
  $('#refreshed').textContent = t('supervisor.updated', { time: formatTime(new Date(), { seconds: true }) });
}

async function start() {
  startPageLanguage();
  onLanguageChange(() => $('#board').hidden || refresh());
  const user = await signIn.ensureSignedIn();
  show($('#board'), true);
  $('#supervisor-name').textContent = user.name;
  $('#sign-out').addEventListener('click', () => signIn.signOut());
  const liveChats = new LiveChats(api, signIn);
  await Promise.all([refresh(), liveChats.refresh()]);
  setInterval(refresh, REFRESH_MS);
  setInterval(() => liveChats.refresh(), REFRESH_MS);
  new HoursEditor(api).start().catch((error) => {
    $('#hours-status').textContent = t('hours.unavailable', { error: error.message });
  });
}

start();
