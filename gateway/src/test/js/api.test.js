// The one request helper of the pages: JSON bodies and multipart forms alike, the token, problems as ApiError.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ApiError } from '../../main/resources/META-INF/resources/js/api.js';

const realFetch = globalThis.fetch;
afterEach(() => { globalThis.fetch = realFetch; });

/** Answers every fetch with `status` and `body`, and keeps what was asked. */
function answering(status, body) {
  const calls = [];
  globalThis.fetch = async (path, init) => {
    calls.push({ path, init });
    return new Response(body === undefined ? '' : JSON.stringify(body), { status });
  };
  return calls;
}

test('a JSON body is sent as JSON with the bearer token', async () => {
  const calls = answering(200, { ok: true });
  const answer = await new Api(() => 'tok').post('/api/x', { a: 1 });
  assert.deepEqual(answer, { ok: true });
  assert.equal(calls[0].init.body, '{"a":1}');
  assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok');
});

test('a form is sent as it is: the browser sets its multipart Content-Type', async () => {
  const calls = answering(201, { seq: 7 });
  const form = new FormData();
  form.append('clientMessageId', 'c1');
  const answer = await new Api(() => 'tok').post('/api/chats/1/attachments', form);
  assert.deepEqual(answer, { seq: 7 });
  assert.equal(calls[0].init.body, form);
  assert.equal(calls[0].init.headers['Content-Type'], undefined);
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok');
});

test('a refusal becomes an ApiError with its status and problem', async () => {
  answering(415, { type: 'https://switchboard.dev/problems/attachment-type-not-allowed', detail: 'Type not allowed' });
  await assert.rejects(new Api(() => 'tok').post('/api/chats/1/attachments', new FormData()), (error) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 415);
    assert.equal(error.message, 'Type not allowed');
    return true;
  });
});
