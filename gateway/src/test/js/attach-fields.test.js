// The contact widget's attached fields (js/attach-fields.js): which form controls go into `data`, under which key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachedFields, controlForField } from '../../main/resources/META-INF/resources/js/attach-fields.js';

const control = (props) => ({ type: 'text', value: '', dataset: {}, ...props });

test('only data-attach controls go, under their key or their name', () => {
  const controls = [
    control({ name: 'name', value: 'Jane' }),
    control({ dataset: { attach: 'orderNumber' }, value: ' NW-10482 ' }),
    control({ type: 'hidden', name: 'product', dataset: { attach: '' }, value: 'tent-2p' }),
    control({ type: 'submit', value: 'Start chat' }),
  ];
  assert.deepEqual(attachedFields(controls), { orderNumber: 'NW-10482', product: 'tent-2p' });
});

test('empty optional fields are left out; numbers, check boxes and radio buttons keep their kind', () => {
  const controls = [
    control({ dataset: { attach: 'orderNumber' }, value: '  ' }),
    control({ type: 'number', dataset: { attach: 'basket' }, value: '129.5' }),
    control({ type: 'checkbox', dataset: { attach: 'newsletter' }, checked: false }),
    control({ type: 'radio', name: 'contactBy', dataset: { attach: '' }, value: 'mail', checked: false }),
    control({ type: 'radio', name: 'contactBy', dataset: { attach: '' }, value: 'phone', checked: true }),
    control({ dataset: { attach: 'disabled' }, value: 'x', disabled: true }),
  ];
  assert.deepEqual(attachedFields(controls), { basket: 129.5, newsletter: false, contactBy: 'phone' });
});

test("a refusal naming data.<key> finds that key's control", () => {
  const order = control({ dataset: { attach: 'orderNumber' } });
  const controls = [control({ name: 'email' }), order];
  assert.equal(controlForField(controls, 'data.orderNumber'), order);
  assert.equal(controlForField(controls, 'email'), null);
  assert.equal(controlForField(controls, 'data.other'), null);
});
