/**
 * Example bodies of POST /journeys, shown on the docs page and sent by the fuzzer. The abandoned
 * cart and the one-step journey name no other record, so each publishes as written in a fresh
 * tenant; the welcome series enters on a segment, so its `segmentId` must be replaced by one of
 * the tenant's segments before it publishes (until then the journey lists that as a problem).
 */

/** Added To Cart → wait up to 4 h for the same cart's Order Completed → else an email listing the cart. */
const abandonedCart = {
  name: 'Abandoned cart',
  description: 'Reminds a customer of the cart they left, unless they complete the order within 4 hours',
  entry: { type: 'event', event: 'Added To Cart', policy: { mode: 'one_at_a_time', key: 'cartId' } },
  start: 'wait_for_order',
  nodes: [
    {
      id: 'wait_for_order',
      name: 'Wait for the order',
      type: 'wait_for_event',
      event: 'Order Completed',
      match: { property: 'cartId' },
      timeout: '4h',
      timeoutNext: 'reminder',
    },
    {
      id: 'reminder',
      name: 'Cart reminder',
      type: 'send',
      channel: 'email',
      subject: 'You left something in your cart',
      body: '<p>Hi {{ customer.firstName }}, your cart is waiting for you:</p><ul>{% for item in event.items %}<li>{{ item.name }}</li>{% endfor %}</ul>',
    },
  ],
  goal: { event: { event: 'Order Completed', match: { property: 'cartId' } }, within: '1d', exitOnConversion: true },
};

/** A tracked event → one email, subject and body inline. */
const oneStep = {
  name: 'Thanks for signing up',
  entry: { type: 'event', event: 'Signed Up', policy: { mode: 'once' } },
  start: 'thanks',
  nodes: [
    {
      id: 'thanks',
      type: 'send',
      channel: 'email',
      subject: 'Welcome aboard, {{ customer.firstName }}',
      body: 'Thanks for signing up, {{ customer.firstName }}. Reply to this email if you need anything.',
    },
  ],
};

/** Entering a segment → welcome email → 2 days → opened it? a follow-up email : an SMS nudge. */
const welcomeSeries = {
  name: 'Welcome series',
  description: 'A welcome email, then two days later a follow-up email to those who opened it and an SMS nudge to the others',
  entry: { type: 'segment', segmentId: '00000000-0000-4000-8000-000000000001', policy: { mode: 'once' } },
  start: 'welcome',
  nodes: [
    {
      id: 'welcome',
      type: 'send',
      channel: 'email',
      subject: 'Welcome, {{ customer.firstName }}',
      body: 'Hi {{ customer.firstName }}, welcome! Here is what you can do first.',
      next: 'two_days',
    },
    { id: 'two_days', type: 'delay', duration: '2d', next: 'opened_welcome' },
    {
      id: 'opened_welcome',
      type: 'branch',
      branches: [{ name: 'Opened the welcome email', message: { node: 'welcome', status: 'opened' }, next: 'follow_up' }],
      else: 'nudge',
    },
    {
      id: 'follow_up',
      type: 'send',
      channel: 'email',
      subject: 'Your first steps, {{ customer.firstName }}',
      body: '<p>Glad to have you, {{ customer.firstName }}. Three things to try this week.</p>',
    },
    { id: 'nudge', type: 'send', channel: 'sms', body: 'Hi {{ customer.firstName }}, 10% off your first order with code WELCOME10.' },
  ],
};

/** The named examples of POST /journeys (OpenAPI `examples`). */
export const JOURNEY_EXAMPLES = {
  abandonedCart: {
    summary: 'Abandoned cart: wait 4 h for the order, else email the cart',
    description:
      'Entry on the tracked event "Added To Cart", one open run per cartId. Waits for "Order Completed" with the same cartId; after 4 hours an email lists the items of the cart that started the run. Converted (and exited) when the order of that cart completes within a day; completing another cart does not count.',
    value: abandonedCart,
  },
  oneStep: {
    summary: 'One step: a tracked event sends an email',
    description: 'Entry once per customer on the tracked event "Signed Up"; one email with its subject and body inline.',
    value: oneStep,
  },
  welcomeSeries: {
    summary: 'Welcome series: segment entry, email, 2 days, branch on opened, email or SMS',
    description: "Replace segmentId with one of your segments' ids: until then the journey lists it among its problems and cannot be published.",
    value: welcomeSeries,
  },
};
