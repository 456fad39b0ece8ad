// The supervisor's business-hours editor (supervisor/hours-model.js): day texts to the REST body and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAYS, toBody, toForm } from '../../main/resources/META-INF/resources/supervisor/hours-model.js';

test('day texts become intervals, holidays a list, and back again', () => {
  const form = { timeZone: ' Europe/Paris ', days: { MONDAY: '9:00-12:30, 14:00-18:00', SATURDAY: '10:00-24:00' },
    holidays: '2026-12-25, 2027-01-01' };
  const body = toBody(form);
  assert.deepEqual(body, {
    timeZone: 'Europe/Paris',
    weekly: [{ day: 'MONDAY', start: '09:00', end: '12:30' }, { day: 'MONDAY', start: '14:00', end: '18:00' },
      { day: 'SATURDAY', start: '10:00', end: '24:00' }],
    holidays: ['2026-12-25', '2027-01-01'],
  });
  const again = toForm(body);
  assert.equal(again.days.MONDAY, '09:00-12:30, 14:00-18:00');
  assert.equal(again.days.SUNDAY, '');
  assert.equal(again.holidays, '2026-12-25, 2027-01-01');
});

test('a day text that is not a list of intervals names the day', () => {
  assert.throws(() => toBody({ timeZone: 'UTC', days: { TUESDAY: 'mornings' }, holidays: '' }), /TUESDAY/);
});

test('no hours read as every day closed and no zone', () => {
  const form = toForm({ timeZone: null, weekly: [], holidays: [] });
  assert.equal(form.timeZone, '');
  assert.deepEqual(DAYS.map((day) => form.days[day]), ['', '', '', '', '', '', '']);
});
