// The supervisor's live board (supervisor/board-model.js): the chart of the last hour and time in state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartPoints, chatsSignature, secondsSince }
  from '../../main/resources/META-INF/resources/supervisor/board-model.js';

const NOW = Date.parse('2026-12-01T10:30:20Z');

test('one point per minute of the window, missing minutes at zero, scaled to the peak', () => {
  const samples = [{ minute: '2026-12-01T10:28:00Z', waiting: 2 }, { minute: '2026-12-01T10:30:00Z', waiting: 4 }];
  const { points, peak } = chartPoints(samples, { now: NOW, windowMinutes: 3, width: 10, height: 8 });
  assert.equal(peak, 4);
  assert.equal(points, '0,4 5,8 10,0');
});

test('a quiet hour is a flat line at the bottom, and samples older than the window are left out', () => {
  const { points, peak } = chartPoints([{ minute: '2026-12-01T09:00:00Z', waiting: 9 }],
    { now: NOW, windowMinutes: 2, width: 4, height: 4 });
  assert.equal(peak, 0);
  assert.equal(points, '0,4 4,4');
});

test('time in state counts whole seconds and never goes negative', () => {
  assert.equal(secondsSince('2026-12-01T10:28:19.500Z', NOW), 120);
  assert.equal(secondsSince('2026-12-01T10:31:00Z', NOW), 0);
  assert.equal(secondsSince(undefined, NOW), 0);
});

test('the live chats are read again when a queue count or an agent load changes, not when only a wait grows', () => {
  const frame = { queues: [{ queue: 'sales', waiting: 1, offered: 3, accepted: 2, abandoned: 0, longestWaitSeconds: 5 }],
    agents: [{ id: 'agent1', load: 1, state: 'READY' }] };
  const longer = structuredClone(frame);
  longer.queues[0].longestWaitSeconds = 9;
  assert.equal(chatsSignature(longer), chatsSignature(frame));
  const accepted = structuredClone(frame);
  accepted.agents[0].load = 2;
  assert.notEqual(chatsSignature(accepted), chatsSignature(frame));
});
