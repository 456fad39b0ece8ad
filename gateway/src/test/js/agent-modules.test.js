// The agent desktop's ChatSession is assembled from its section modules (agent/*.js): every method it had as one
// class is still there, each defined once (the assembly throws on a name defined twice).
import { register } from 'node:module';
import { test } from 'node:test';
import assert from 'node:assert/strict';

register('./page-paths.mjs', import.meta.url);
const { ChatSession } = await import('../../main/resources/META-INF/resources/agent/chat-session.js');

const METHODS = ['addItem', 'askTarget', 'askWorkflow', 'call', 'checkStillIn', 'done', 'finish', 'leave',
  'loadDetails', 'loadHistory', 'loadPhoneNumbers', 'loadResponses', 'loadTargetOptions', 'loadTimeline',
  'loadWrapUp', 'markDone', 'open', 'saveWrapUp', 'sendTranscript', 'enableControls', 'follow', 'forget',
  'handleFrame', 'historyEntry', 'onTyping', 'remember', 'renderList', 'resumeAll', 'scheduleWrapUpSave',
  'selectTab', 'sendComposed', 'sendFrame', 'sendResponse', 'setState', 'showContact', 'showError', 'showState',
  'showUnsent', 'stopTyping', 'takeBack', 'wire', 'wrapUpValues', 'swapDraft', 'retire', 'dataEditable', 'takeData',
  'reloadDetails', 'renderData', 'dataRow', 'addDataRow', 'saveData', 'focusDataError', 'openNext', 'notify', 'relabel',
  'showTyping', 'dataError', 'sendFile'];

test('every section of the chat session is part of ChatSession', () => {
  const missing = METHODS.filter((name) => typeof ChatSession.prototype[name] !== 'function');
  assert.deepEqual(missing, []);
  assert.ok(Object.getOwnPropertyDescriptor(ChatSession.prototype, 'current').get, 'the current chat getter');
  assert.ok(Object.getOwnPropertyDescriptor(ChatSession.prototype, 'unreadTotal').get, 'the unread count getter');
  assert.ok(Object.getOwnPropertyDescriptor(ChatSession.prototype, 'listedChats').get, 'the listed chats getter');
});

test('the methods live in their sections, not in the core', async () => {
  const { MyChats } = await import('../../main/resources/META-INF/resources/agent/my-chats.js');
  const { Composer } = await import('../../main/resources/META-INF/resources/agent/composer.js');
  assert.equal(ChatSession.prototype.handleFrame, MyChats.prototype.handleFrame);
  assert.equal(ChatSession.prototype.sendComposed, Composer.prototype.sendComposed);
});
