// The supervisor view: queues (waiting chats, longest wait, agents by state, service level, the last hour's chart)
// and agents with their time in state, pushed by routing-service over /ws/routing/board (no polling); the live
// chats list is read again only when the board shows a chat came, went or was answered.
import { $, el, show } from '/js/dom.js';
import { Api } from '/js/api.js';
import { ResilientSocket } from '/js/socket.js';
import { SignIn } from '/js/signin.js';
import { LiveChats } from './live-chats.js';
import { formatDuration, formatPercent, formatTime, label, onLanguageChange, startPageLanguage, t } from '/js/i18n.js';
import { HoursEditor } from './hours.js';
import { chartPoints, chatsSignature, secondsSince } from './board-model.js';

const TICK_MS = 1000;
const PERCENT = 100;
const NOTHING = '—';
const SVG = 'http://www.w3.org/2000/svg';
const CHART = { width: 120, height: 24 };
const signIn = new SignIn('switchboard.supervisor.token', 'supervisor');
const api = new Api(() => signIn.token, () => signIn.signOut());
let board = null; // the last board frame
let boardAt = null;

const cell = (value) => el('td', {}, value ?? NOTHING);

/** The service level comes as a ratio (0.85) or, from older services, as a percentage (85). */
function serviceLevel(value) {
  if (value === null || value === undefined) return NOTHING;
  const ratio = Number(value);
  return formatPercent(ratio <= 1 ? ratio : ratio / PERCENT);
}

function chart(queue) {
  const { points, peak } = chartPoints(board.chart?.[queue], { now: Date.now(), ...CHART });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${CHART.width} ${CHART.height}`);
  svg.setAttribute('width', CHART.width);
  svg.setAttribute('height', CHART.height);
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('supervisor.chartLabel', { peak }));
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', points);
  svg.append(line);
  return el('td', { dataset: { peak: String(peak) } }, svg);
}

function drawQueues() {
  $('#queue-rows').replaceChildren(...(board.queues || []).map((q) => el('tr', { dataset: { queue: q.queue } },
    el('th', { scope: 'row' }, q.queue),
    cell(q.waiting), cell(formatDuration(q.longestWaitSeconds)),
    cell(q.agentsReady), cell(q.agentsBusy), cell(q.agentsNotReady),
    cell(q.offered), cell(q.accepted), cell(q.abandoned), cell(serviceLevel(q.serviceLevel)), chart(q.queue))));
}

// Not Ready shows why: a break, a missed offer, or "disconnected" (the agent's desktop was away past the grace).
function stateText(agent) {
  const state = label('agentState', agent.state);
  return agent.state === 'NOT_READY' && agent.reason
    ? t('agentState.withReason', { state, reason: label('agentState.reason', agent.reason) }) : state;
}

function drawAgents() {
  const now = Date.now();
  $('#agent-rows').replaceChildren(...(board.agents || []).map((a) => el('tr', { dataset: { agent: a.id } },
    el('th', { scope: 'row' }, a.name || a.id),
    cell(stateText(a)),
    el('td', { className: 'in-state', dataset: { since: a.stateSince || '' } },
      formatDuration(secondsSince(a.stateSince, now))),
    cell(a.load),
    cell(Object.entries(a.skills || {}).map(([skill, level]) => `${skill} ${level}`).join(', ')))));
}

/** Time in state and the longest waits move every second without a frame: counted here from the board's instants. */
function tick() {
  const now = Date.now();
  document.querySelectorAll('#agent-rows td.in-state').forEach((td) => {
    td.textContent = formatDuration(secondsSince(td.dataset.since, now));
  });
}

function draw() {
  if (!board) return;
  drawQueues();
  drawAgents();
  $('#refreshed').textContent = t('supervisor.updated', { time: formatTime(boardAt, { seconds: true }) });
}

function status(state, detail) {
  if (state === 'open') {
    $('#queues-error').textContent = '';
  } else if (state === 'reconnecting') {
    $('#queues-error').textContent = t('supervisor.reconnecting', { seconds: detail });
  } else if (state === 'closed') {
    $('#queues-error').textContent = t('supervisor.error.board', { error: detail });
  }
}

async function start() {
  startPageLanguage();
  onLanguageChange(draw);
  const user = await signIn.ensureSignedIn();
  show($('#board'), true);
  $('#supervisor-name').textContent = user.name;
  $('#sign-out').addEventListener('click', () => signIn.signOut());
  const liveChats = new LiveChats(api, signIn);
  let signature = null;
  new ResilientSocket('/ws/routing/board', () => signIn.token, {
    onFrame: (frame) => {
      if (frame.type !== 'board') return;
      board = frame;
      boardAt = new Date(frame.at);
      draw();
      const now = chatsSignature(frame);
      if (now !== signature) {
        signature = now;
        liveChats.refresh();
      }
    },
    onStatus: status,
    onTokenExpired: () => signIn.token,
  });
  setInterval(tick, TICK_MS);
  new HoursEditor(api).start().catch((error) => {
    $('#hours-status').textContent = t('hours.unavailable', { error: error.message });
  });
}

start();
