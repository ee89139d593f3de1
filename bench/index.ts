/**
 * The benchmark registry. `npm run bench -- <name>` looks names up here; modules load
 * lazily so listing, or running one benchmark, does not load every driver.
 */

/** What a benchmark module exports: one run that prints its figures and cleans up after itself. */
export interface BenchmarkModule {
  run(): Promise<void>;
}

/** A registry entry: a one-line description for `npm run bench` and how to load the module. */
export interface Benchmark {
  description: string;
  load(): Promise<BenchmarkModule>;
}

/** Every benchmark by name; the order is the order `npm run bench` lists them in. */
export const benchmarks: Record<string, Benchmark> = {
  'copy-customers': {
    description: 'PostgreSQL COPY of generated customers into an indexed table (BENCH_ROWS, default 1,000,000)',
    load: () => import('./copy-customers'),
  },
  'pg-pk-select': {
    description: 'primary-key SELECTs on a 100k-row table through a pg Pool of 10, concurrency 32',
    load: () => import('./pg-pk-select'),
  },
  'koa-get': {
    description: 'bare Koa GET route returning small JSON, loaded by autocannon (50 connections, 10 s)',
    load: () => import('./koa-get'),
  },
  'webhook-post': {
    description: 'signed webhook POSTs to a verifying receiver: undici request vs global fetch, concurrency 50',
    load: () => import('./webhook-post'),
  },
  'smtp-send': {
    description: 'nodemailer pooled SMTP (5 connections) into a local smtp-server sink',
    load: () => import('./smtp-send'),
  },
  'customers-api': {
    description: "Herald's GET /customers/:id and POST /customers vs a bare Koa + pg route, autocannon 50 connections, 10 s each",
    load: () => import('./customers-api'),
  },
  'customers-list': {
    description: 'customer list filters + sort, search, /search?q= and cursor paging on 1,000,000 customers: p50/p99 with and without totals, EXPLAIN ANALYZE',
    load: () => import('./customers-list'),
  },
  'console-customers': {
    description:
      'the console customers page on 1,000,000 customers in Chromium: navigation to first table row (cold load and in-app, median of 5) and initial JS gzipped, vs the raw GET /customers call',
    load: () => import('./console-customers'),
  },
  'customers-export': {
    description: 'CSV export of 1,000,000 customers through `herald serve` (time, rows, peak RSS) vs raw COPY TO STDOUT of the same columns',
    load: () => import('./customers-export'),
  },
  'segments-preview': {
    description:
      'segment preview (count + 50 sample) of a 4- and a 10-condition rule on 1,000,000 customers: compiled vs hand-written SQL p50, EXPLAIN, and the same audience matched in Node',
    load: () => import('./segments-preview'),
  },
  'segments-event-preview': {
    description:
      'segment preview (count + 50 sample) of "at least 3 Viewed Product in 30 days" on 1,000,000 customers with 10,000,000 events: service and compiled SQL vs hand-written SQL p50, EXPLAIN',
    load: () => import('./segments-event-preview'),
  },
  'events-ingest': {
    description:
      "Segment /batch of 100 track events from 20 clients vs a bare Koa + pg route's one multi-row INSERT into customer_events: events/s, p99 per batch, SQL statements per batch",
    load: () => import('./events-ingest'),
  },
  'segments-evaluate': {
    description: 'one customer write evaluated against 50 segments (1-5 conditions) with matchingIds: p50/p99 per write, no database',
    load: () => import('./segments-evaluate'),
  },
  imports: {
    description:
      'bulk import of a generated 1,000,000-row CSV end to end (upload → completed) vs raw COPY into a bare table and a raw INSERT into customers; peak RSS of API and worker (BENCH_ROWS)',
    load: () => import('./imports-e2e'),
  },
  'imports-profile': {
    description:
      'where an import spends its time: the rows of imports (BENCH_ROWS, default 200,000) staged and run through the chunk pipeline in process, with Node and Postgres CPU and per-statement times (IMPORT_WRITERS, BENCH_CHUNK_ROWS)',
    load: () => import('./imports-profile'),
  },
  'customers-index-cost': {
    description:
      "each index and constraint of customers priced: COPY of generated customers (BENCH_ROWS, default 200,000) into customers' shape with everything, then without each one, and issue 15's index options",
    load: () => import('./customers-index-cost'),
  },
  'campaigns-email': {
    description:
      'an e-mail campaign end to end (Temporal, ledger, liquid, nodemailer pool 5) vs raw nodemailer to the same SMTP sink (BENCH_MESSAGES, default 100,000)',
    load: () => import('./campaigns-email'),
  },
  'campaigns-sms': {
    description: 'an SMS campaign end to end through the twilio client vs a raw loop of the same client calls, local fake API (BENCH_MESSAGES, default 20,000)',
    load: () => import('./campaigns-sms'),
  },
  journeys: {
    description:
      'journeys (issue 17): a segment burst (BENCH_CUSTOMERS, default 100,000) through branch → send e-mail vs the same campaign; event wake-ups at 200/s with 100,000 runs waiting (p50/p99); 1,000,000 runs in a 7-day delay: worker CPU and RSS (BENCH_FIGURES picks)',
    load: () => import('./journeys'),
  },
  'conversations-inbound': {
    description:
      "signed Twilio inbound posts (SMS and WhatsApp, known and new senders) to Herald's /messaging/twilio/inbound vs a bare Koa + pg route that checks the signature and inserts one row, 50 connections; every accepted post checked stored once",
    load: () => import('./conversations-inbound'),
  },
  'conversations-inbox': {
    description:
      'the inbox GET /conversations by last message on 1,000,000 conversations over 100,000 customers: first page, status=open + assignee, next pages by cursor; p99 at 1 and 10 connections, EXPLAIN ANALYZE',
    load: () => import('./conversations-inbox'),
  },
  analytics: {
    description:
      'analytics over time (issue 19) on 1,000,000 customers and 5,000,000 orders: each series (customers, revenue, campaigns, segments) through Herald vs the plain aggregate on the base tables, p50; rollup rebuild and incremental times; the writer-maintained alternative priced',
    load: () => import('./analytics'),
  },
  webhooks: {
    description:
      "Herald's webhook delivery (10k events to 1 endpoint, and fanned out to 10) beside raw undici + HMAC, and commit → first attempt p50/p99 at 200 events/s",
    load: () => import('./webhooks-delivery'),
  },
  capacity: {
    description:
      'issue 21: campaigns, webhook fan-out, imports and a journey burst on 1 vs 2 `herald worker` processes, and GET/POST /customers on 1 vs 2 `herald serve`: rate per process and per CPU second of Herald, Postgres and Temporal',
    load: () => import('./capacity'),
  },
};
