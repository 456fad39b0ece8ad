// The business-hours editor of the supervisor view: pick a queue, edit its time zone, the intervals of each day and
// its holidays, save (PUT) or clear (DELETE: always open). The service's refusals name the field at fault.
import { $, el, show } from '/js/dom.js';
import { ApiError, enc, listOf } from '/js/api.js';
import { t } from '/js/i18n.js';
import { DAYS, toBody, toForm } from './hours-model.js';

export class HoursEditor {
  constructor(api) {
    this.api = api;
    this.form = $('#hours-form');
    this.queue = $('#hours-queue');
    this.status = $('#hours-status');
    $('#hours-days').replaceChildren(...DAYS.map((day) => el('div', { className: 'hours-day' },
      el('label', { for: `hours-${day}`, 'data-i18n': `hours.day.${day}` }, t(`hours.day.${day}`)),
      el('input', { id: `hours-${day}`, name: day, placeholder: t('hours.closed'),
        'data-i18n-placeholder': 'hours.closed', autocomplete: 'off' }))));
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    $('#hours-zones').replaceChildren(...zones.map((zone) => el('option', { value: zone })));
    this.queue.addEventListener('change', () => this.load());
    this.form.addEventListener('submit', (event) => this.save(event));
    $('#hours-clear').addEventListener('click', () => this.clear());
  }

  async start() {
    const queues = listOf(await this.api.get('/api/routing/queues'), 'queues');
    this.queue.replaceChildren(...queues.map((q) => el('option', { value: q.name }, q.name)));
    show(this.form, true);
    await this.load();
  }

  /** The chosen queue's hours; the form is busy meanwhile (what is typed then would be overwritten). */
  async load() {
    this.say('');
    const queue = this.queue.value;
    this.form.setAttribute('aria-busy', 'true');
    try {
      const hours = await this.api.get(this.path());
      // Another queue chosen meanwhile: its own load fills the form.
      if (this.queue.value === queue) this.fill(toForm(hours));
    } catch (error) {
      this.say(t('hours.unavailable', { error: error.message }), true);
    } finally {
      if (this.queue.value === queue) this.form.setAttribute('aria-busy', 'false');
    }
  }

  fill(form) {
    this.form.elements.timeZone.value = form.timeZone;
    this.form.elements.holidays.value = form.holidays;
    DAYS.forEach((day) => { this.form.elements[day].value = form.days[day]; });
  }

  async save(event) {
    event.preventDefault();
    let body;
    try {
      body = toBody({
        timeZone: this.form.elements.timeZone.value,
        holidays: this.form.elements.holidays.value,
        days: Object.fromEntries(DAYS.map((day) => [day, this.form.elements[day].value])),
      });
    } catch (error) {
      this.say(error.message, true);
      return;
    }
    try {
      this.fill(toForm(await this.api.put(this.path(), body)));
      this.say(t('hours.saved', { queue: this.queue.value }));
    } catch (error) {
      this.say(refusal(error), true);
    }
  }

  async clear() {
    try {
      await this.api.delete(this.path());
      await this.load();
      this.say(`${this.queue.value} has no hours now: always open.`);
    } catch (error) {
      this.say(refusal(error), true);
    }
  }

  path() {
    return `/api/routing/queues/${enc(this.queue.value)}/hours`;
  }

  say(text, error = false) {
    this.status.textContent = text;
    this.status.className = error ? 'form-error' : 'hint';
  }
}

function refusal(error) {
  const violations = error instanceof ApiError ? error.problem?.violations : null;
  return violations?.length ? violations.map((v) => `${v.field}: ${v.message}`).join(' ')
    : t('common.notSaved', { error: error.message });
}
