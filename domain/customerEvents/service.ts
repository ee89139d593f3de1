import type { Knex } from 'knex';
import { AppError, validationFailed } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { Logger } from '../../lib/logger';
import { customerEventsIngested } from '../../lib/metrics';
import { customerNamed, findCustomersByIdentity, identityEmail, type CustomerIdentities, type CustomerIdentity } from '../customers/identities';
import type { CommandContext } from '../shared/context';
import { tenantSettingsOf } from '../tenants/settings';
import { mergeAnonymousEvents, storeEvents, type EventRow } from './store';
import type { BatchItem, BatchResult, IdentifyInput, IdentifyResult, ItemError, OnEventsAccepted, TrackInput, TrackResult } from './types';

/** Largest `properties` (and `context`) object, as JSON text in UTF-8. */
export const MAX_PROPERTIES_BYTES = 32 * 1024;
/** How far ahead of Herald's clock a timestamp may be (clock skew of senders). */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
/** How many customers a batch creates at once: their commits overlap, and a batch of new identities cannot take the whole pool. */
const CREATES_AT_ONCE = 4;
/** How far in the past an event occurred, at receipt, before it counts as a backfill. */
export const BACKFILL_AFTER_MS = 24 * 60 * 60 * 1000;

/** What the customer events service needs. */
export interface CustomerEventDeps {
  db: Knex;
  /** Customers by identity, created and updated through the customers module. */
  identities: CustomerIdentities;
  /** After-commit hook for the customers with new events (segment re-evaluation). */
  onAccepted?: OnEventsAccepted;
  logger?: Logger;
  /** Herald's clock (tests inject one). */
  now?: () => Date;
}

/** An AppError as a batch item's error. */
const itemError = (err: unknown): ItemError => {
  if (err instanceof AppError)
    return { status: err.status, code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
  throw err;
};

/** The 422 of a track or identify sent without any identity. */
const noIdentity = (fields: string) => validationFailed([{ location: 'body', path: 'userId', message: `one of ${fields} is required` }]);

/** Size of a JSON value as sent, in bytes. */
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * Track, identify and batch (issue 16). Events are resolved to customers by userId (externalId)
 * or email, creating unknown customers unless the tenant's `eventsCreateCustomers` is false
 * (then 404); events with only an anonymousId are stored without a customer until an identify
 * with both ids merges them. Every accepted event is stored with its `customer.event` outbox
 * event and its name counted, in one transaction per batch.
 */
export function createCustomerEventService(deps: CustomerEventDeps) {
  const { db, identities } = deps;
  const now = deps.now ?? (() => new Date());

  /** Reports the accepted customers after commit; a failing hook is logged, never the caller's error. */
  async function accepted(ctx: CommandContext, byCustomer: Map<string, Set<string>>): Promise<void> {
    if (!deps.onAccepted || !byCustomer.size) return;
    try {
      await deps.onAccepted(
        ctx,
        [...byCustomer].map(([customerId, names]) => ({ customerId, names: [...names] })),
      );
    } catch (err) {
      deps.logger?.warn({ err }, 'after-commit work for tracked events failed');
    }
  }

  /** The clock and size rules of a track (422 naming the field), and its stored time. */
  function checkTrack(input: TrackInput, receivedAt: Date): { occurredAt: Date; backfill: boolean } {
    const problems: Array<{ location: string; path: string; message: string }> = [];
    if (!input.userId && !input.anonymousId && !input.email) throw noIdentity('userId, externalId, anonymousId, email');
    if (jsonBytes(input.properties) > MAX_PROPERTIES_BYTES)
      problems.push({ location: 'body', path: 'properties', message: `must be at most ${MAX_PROPERTIES_BYTES} bytes as JSON` });
    if (input.context && jsonBytes(input.context) > MAX_PROPERTIES_BYTES)
      problems.push({ location: 'body', path: 'context', message: `must be at most ${MAX_PROPERTIES_BYTES} bytes as JSON` });
    const occurredAt = input.timestamp ? new Date(input.timestamp) : receivedAt;
    if (Number.isNaN(occurredAt.getTime())) problems.push({ location: 'body', path: 'timestamp', message: 'is not a date-time' });
    else if (occurredAt.getTime() - receivedAt.getTime() > MAX_FUTURE_MS)
      problems.push({ location: 'body', path: 'timestamp', message: 'must not be more than 24 hours in the future' });
    if (problems.length) throw validationFailed(problems);
    return { occurredAt, backfill: receivedAt.getTime() - occurredAt.getTime() > BACKFILL_AFTER_MS };
  }

  /**
   * Stores a run of tracks in one transaction: their identities resolved in one query, unknown
   * customers created (once per identity) through the customers module. Answers each item's
   * result or error, in order.
   */
  async function trackMany(ctx: CommandContext, inputs: TrackInput[]): Promise<Array<TrackResult | ItemError>> {
    const tenantId = ctx.principal.tenantId;
    const receivedAt = now();
    const out: Array<TrackResult | ItemError | EventRow> = inputs.map((input) => {
      try {
        const { occurredAt, backfill } = checkTrack(input, receivedAt);
        return {
          id: newId(),
          customerId: null,
          anonymousId: input.anonymousId ?? null,
          name: input.event,
          properties: input.properties,
          context: input.context ?? null,
          messageId: input.messageId ?? null,
          occurredAt,
          backfill,
        };
      } catch (err) {
        return itemError(err);
      }
    });
    const named = inputs.map((input) => ({ externalId: input.userId, email: identityEmail(input.email) }));
    const pending = out.flatMap((row, i) => ('occurredAt' in row && (named[i]!.externalId || named[i]!.email) ? [i] : []));
    if (pending.length) {
      const found = await findCustomersByIdentity(
        db,
        tenantId,
        [...new Set(pending.flatMap((i) => named[i]!.externalId ?? []))],
        [...new Set(pending.flatMap((i) => named[i]!.email ?? []))],
      );
      // Unknown identities are created once each, a few at a time (each create is its own transaction and commit).
      const unknown = new Map<string, CustomerIdentity>();
      const waiting: Array<{ i: number; key: string }> = [];
      let mayCreate: boolean | undefined;
      for (const i of pending) {
        const row = out[i] as EventRow;
        const identity = named[i]!;
        const known = customerNamed(found, identity);
        if (known) {
          row.customerId = known;
          continue;
        }
        mayCreate ??= (await tenantSettingsOf(db, tenantId)).eventsCreateCustomers;
        if (!mayCreate) {
          out[i] = { status: 404, code: 'not_found', message: 'Customer not found (this tenant does not create customers from events)' };
          continue;
        }
        const key = identity.externalId ? `x:${identity.externalId}` : `e:${identity.email}`;
        unknown.set(key, identity);
        waiting.push({ i, key });
      }
      const made = new Map<string, PromiseSettledResult<string>>();
      const keys = [...unknown.keys()];
      for (let k = 0; k < keys.length; k += CREATES_AT_ONCE) {
        const wave = keys.slice(k, k + CREATES_AT_ONCE);
        const outcomes = await Promise.allSettled(wave.map((key) => identities.createFor(ctx, unknown.get(key)!).then((c) => c.id)));
        wave.forEach((key, w) => made.set(key, outcomes[w]!));
      }
      for (const { i, key } of waiting) {
        const outcome = made.get(key)!;
        if (outcome.status === 'fulfilled') (out[i] as EventRow).customerId = outcome.value;
        else out[i] = itemError(outcome.reason);
      }
    }
    const rows = out.flatMap((row, i) => ('occurredAt' in row ? [{ i, row }] : []));
    if (rows.length) {
      const results = await db.transaction((trx) =>
        storeEvents(
          trx,
          ctx,
          rows.map((r) => r.row),
          receivedAt,
        ),
      );
      const byCustomer = new Map<string, Set<string>>();
      rows.forEach(({ i, row }, k) => {
        out[i] = results[k]!;
        customerEventsIngested.inc({ result: results[k]!.deduplicated ? 'duplicate' : 'accepted' });
        if (row.customerId && !results[k]!.deduplicated) byCustomer.set(row.customerId, (byCustomer.get(row.customerId) ?? new Set()).add(row.name));
      });
      await accepted(ctx, byCustomer);
    }
    return out as Array<TrackResult | ItemError>;
  }

  /** POST /track: one event; its refusal is the request's. */
  async function track(ctx: CommandContext, input: TrackInput): Promise<TrackResult> {
    const [result] = await trackMany(ctx, [input]);
    if (result && 'status' in result) throw new AppError(result.status, result.code, result.message, result.details);
    return result as TrackResult;
  }

  /**
   * POST /identify: creates or updates the customer named by userId (externalId) or email with
   * the traits; with an anonymousId too, attaches that anonymous history to the customer.
   */
  async function identify(ctx: CommandContext, input: IdentifyInput): Promise<IdentifyResult> {
    const tenantId = ctx.principal.tenantId;
    const email = input.email ?? (typeof input.traits.email === 'string' ? input.traits.email : undefined);
    if (!input.userId && !email) throw noIdentity('userId, email (or traits.email); an anonymousId alone names no customer');
    const settings = await tenantSettingsOf(db, tenantId);
    const { customerId, created } = await identities.identify(ctx, { externalId: input.userId, email }, input.traits, settings.eventsCreateCustomers);
    const merged = input.anonymousId ? await mergeAnonymousEvents(db, tenantId, input.anonymousId, customerId) : [];
    if (merged.length) await accepted(ctx, new Map([[customerId, new Set(merged)]]));
    return { customerId, created, mergedEvents: merged.length };
  }

  /**
   * POST /batch: items in order, runs of consecutive tracks stored together; each item answers
   * its own result or error, so one bad item never drops the others.
   */
  async function batch(ctx: CommandContext, items: BatchItem[]): Promise<BatchResult[]> {
    const results: BatchResult[] = [];
    for (let i = 0; i < items.length;) {
      const item = items[i]!;
      if (item.type === 'invalid') {
        results.push({ index: i, type: item.declared, ok: false, error: item.error });
        i += 1;
      } else if (item.type === 'identify') {
        try {
          results.push({ index: i, type: 'identify', ok: true, ...(await identify(ctx, item.input)) });
        } catch (err) {
          results.push({ index: i, type: 'identify', ok: false, error: itemError(err) });
        }
        i += 1;
      } else {
        let end = i;
        while (end < items.length && items[end]!.type === 'track') end += 1;
        const run = await trackMany(
          ctx,
          items.slice(i, end).map((t) => (t as { input: TrackInput }).input),
        );
        run.forEach((r, k) =>
          results.push('status' in r ? { index: i + k, type: 'track', ok: false, error: r } : { index: i + k, type: 'track', ok: true, ...r }),
        );
        i = end;
      }
    }
    return results;
  }

  return { track, identify, batch };
}

/** The customer events commands' interface. */
export type CustomerEventCommands = ReturnType<typeof createCustomerEventService>;
