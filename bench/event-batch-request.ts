/**
 * autocannon setupRequest module for events-ingest: every request carries a new Segment batch of
 * `context.batchSize` track events in a realistic mix. Most name a known customer by userId
 * (`context.userPrefix` + 0…`context.knownUsers`-1, created before the load), a few a customer
 * never seen (created by Herald on the way), a few only an anonymousId; event names come from a
 * handful; every messageId is new (a counter private to this worker thread plus the run's
 * `context.prefix`), so nothing is deduplicated. autocannon `require`s this file in its worker
 * thread, so it exports the function itself.
 */
interface Request {
  body?: string;
}

interface Context {
  prefix?: string;
  userPrefix?: string;
  knownUsers?: number;
  batchSize?: number;
}

/** The names a storefront sends, the first ones most often. */
const NAMES = ['Viewed Product', 'Viewed Product', 'Viewed Product', 'Added To Cart', 'Page Viewed', 'Searched', 'Checkout Started', 'Order Completed'];
/** One event in this many names a new customer, one in this many is anonymous. */
const NEW_EVERY = 40;
const ANONYMOUS_EVERY = 25;
let counter = 0;

export = function eventBatch(request: Request, context: Context): Request {
  const batch = counter++;
  const prefix = context.prefix ?? 'run';
  const known = context.knownUsers ?? 1000;
  const size = context.batchSize ?? 100;
  const now = Date.now();
  const items = [];
  for (let k = 0; k < size; k += 1) {
    const n = batch * size + k;
    const who =
      n % ANONYMOUS_EVERY === 0
        ? { anonymousId: `anon-${prefix}-${n}` }
        : n % NEW_EVERY === 1
          ? { userId: `new-${prefix}-${n}` }
          : { userId: `${context.userPrefix ?? 'user-'}${(n * 7919) % known}` };
    items.push({
      type: 'track',
      ...who,
      event: NAMES[n % NAMES.length],
      properties: { sku: `SKU-${n % 500}`, price: (n % 90) + 9.99, currency: 'EUR', category: n % 3 === 0 ? 'shoes' : 'bags' },
      timestamp: new Date(now - (n % 600) * 1000).toISOString(),
      messageId: `${prefix}-${n}`,
    });
  }
  return { ...request, body: JSON.stringify({ batch: items, context: { library: { name: 'analytics-node', version: '6.2.0' } } }) };
};
