import type { Knex } from 'knex';
import { compileRuleToSql } from '../../rules/compile';
import type { RuleNode } from '../../rules/ast';
import type { MatchContext } from '../../rules/evaluate';
import { appendEvent, sqlEventData, sqlInsertEvents } from '../events/outbox';
import type { CommandContext } from '../shared/context';
import { withConversationFacts } from './conversationFacts';
import { loadEventCounts } from './eventCounts';

/** Counts of one membership refresh. */
export interface RefreshResult {
  segmentId: string;
  members: number;
  entered: number;
  exited: number;
}

/** Anything that says which segments one customer row matches (json-rules-engine in production). */
export interface SegmentMatcher {
  matchingIds(rules: Array<{ id: string; rule: RuleNode }>, row: Record<string, unknown>, context?: MatchContext): Promise<string[]>;
}

/** Options of {@link reevaluateCustomer}. */
export interface ReevaluateOptions {
  /** The clock of this evaluation, for time-relative conditions and event windows alike (default: the system clock). */
  now?: Date;
  /** Only these segments are evaluated, entered or exited (default: every segment of the tenant). */
  only?: (segment: { id: string; rules: RuleNode }) => boolean;
}

/**
 * Brings a segment's memberships in line with a fresh SQL evaluation of its rule, in ONE
 * statement: members that newly match enter, members that no longer match exit, and one
 * segment.entered / segment.exited event per change goes to the outbox in the same statement.
 * The same `now` is bound for every time-relative condition. Safe to run concurrently with the
 * per-customer path: the partial unique index turns a double entry into a no-op.
 */
export async function refreshSegmentMembership(db: Knex, tenantId: string, segmentId: string, now: Date): Promise<RefreshResult | undefined> {
  const segment = await db('segments').where({ tenant_id: tenantId, id: segmentId }).first('rules');
  if (!segment) return undefined;
  const predicate = compileRuleToSql(segment.rules as RuleNode, { now, alias: 'c', tenantId });
  const events = (change: 'entered' | 'exited', from: string) =>
    sqlInsertEvents(`segment.${change}`, {
      tenantId: '?',
      subjectType: 'segment',
      subjectId: '?',
      from,
      data: sqlEventData(`segment.${change}`, { segmentId: '?::uuid', customerId: 'customer_id', change: `'${change}'` }),
    });
  const result = await db.transaction(async (trx) => {
    // Exclusive per segment: waits for per-customer re-evaluations in flight (they hold the lock
    // shared), so this statement's snapshot already contains their results and cannot undo them.
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`segment:${segmentId}`]);
    return (await trx.raw(
      `WITH matching AS MATERIALIZED (
       SELECT c.id FROM customers c WHERE c.tenant_id = ? AND c.deleted_at IS NULL AND (${predicate.sql})
     ), entered AS (
       INSERT INTO segment_memberships (tenant_id, segment_id, customer_id)
       SELECT ?, ?, m.id FROM matching m
       ON CONFLICT (segment_id, customer_id) WHERE exited_at IS NULL DO NOTHING
       RETURNING customer_id
     ), exited AS (
       UPDATE segment_memberships sm SET exited_at = now()
       WHERE sm.segment_id = ? AND sm.exited_at IS NULL AND NOT EXISTS (SELECT 1 FROM matching m WHERE m.id = sm.customer_id)
       RETURNING customer_id
     ), entered_events AS (
       ${events('entered', 'entered')} RETURNING 1
     ), exited_events AS (
       ${events('exited', 'exited')} RETURNING 1
     ), counted AS (
       UPDATE segments SET member_count = (SELECT count(*) FROM matching), refreshed_at = now() WHERE id = ? RETURNING member_count
     )
     SELECT (SELECT member_count FROM counted) AS members, (SELECT count(*) FROM entered_events)::int AS entered, (SELECT count(*) FROM exited_events)::int AS exited`,
      [tenantId, ...predicate.bindings, tenantId, segmentId, segmentId, tenantId, segmentId, segmentId, tenantId, segmentId, segmentId, segmentId],
    )) as { rows: Array<{ members: number; entered: number; exited: number }> };
  });
  const row = result.rows[0]!;
  return { segmentId, members: row.members, entered: row.entered, exited: row.exited };
}

/**
 * Takes the tenant's segment locks in shared mode, in id order (a fixed order, so concurrent
 * re-evaluations never deadlock on them); a refresh of any of these segments waits meanwhile.
 * Returns the locked segments' rules, so callers need no second read.
 */
export async function lockSegmentsShared(trx: Knex, tenantId: string): Promise<Array<{ id: string; rules: RuleNode }>> {
  const result = await trx.raw(
    `SELECT s.id, s.rules, pg_advisory_xact_lock_shared(hashtext('segment:' || s.id::text))
     FROM (SELECT id, rules FROM segments WHERE tenant_id = ? ORDER BY id) s`,
    [tenantId],
  );
  return (result.rows as Array<{ id: string; rules: RuleNode }>).map(({ id, rules }) => ({ id, rules }));
}

/** Moves member counts for entries and exits, touching segment rows in id order (no lock-order deadlocks). */
async function adjustCounts(trx: Knex, entered: string[], exited: string[]): Promise<void> {
  const delta = new Map<string, number>();
  for (const id of entered) delta.set(id, (delta.get(id) ?? 0) + 1);
  for (const id of exited) delta.set(id, (delta.get(id) ?? 0) - 1);
  for (const id of [...delta.keys()].sort()) if (delta.get(id)) await trx('segments').where({ id }).increment('member_count', delta.get(id)!);
}

/** Appends one segment.entered / segment.exited event per change. */
async function emitChanges(trx: Knex, ctx: CommandContext, customerId: string, entered: string[], exited: string[]): Promise<void> {
  for (const segmentId of entered)
    await appendEvent(trx, ctx, { type: 'segment.entered', subjectType: 'segment', subjectId: segmentId, data: { segmentId, customerId, change: 'entered' } });
  for (const segmentId of exited)
    await appendEvent(trx, ctx, { type: 'segment.exited', subjectType: 'segment', subjectId: segmentId, data: { segmentId, customerId, change: 'exited' } });
}

/**
 * Exits a customer from every segment, in the caller's transaction: used before a permanent
 * delete, whose cascade would otherwise remove the rows without events or count changes.
 */
export async function exitAllSegments(trx: Knex, ctx: CommandContext, customerId: string): Promise<string[]> {
  await lockSegmentsShared(trx, ctx.principal.tenantId);
  const exited: string[] = (
    await trx('segment_memberships').where({ customer_id: customerId }).whereNull('exited_at').update({ exited_at: trx.fn.now() }).returning('segment_id')
  ).map((r: { segment_id: string }) => r.segment_id);
  await emitChanges(trx, ctx, customerId, [], exited);
  await adjustCounts(trx, [], exited);
  return exited;
}

const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Re-evaluates one customer against every segment of the tenant with json-rules-engine, right
 * after a change to that customer commits. The customer row is locked for the evaluation so
 * concurrent changes are evaluated in commit order; a soft-deleted customer leaves every segment.
 * The customer's event counts for the segments' event conditions are loaded in the same
 * transaction, at `options.now`. Deadlocks and serialisation failures are retried (up to three attempts).
 */
export async function reevaluateCustomer(
  db: Knex,
  matcher: SegmentMatcher,
  ctx: CommandContext,
  customerId: string,
  options: ReevaluateOptions = {},
): Promise<{ entered: string[]; exited: string[] }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await reevaluateOnce(db, matcher, ctx, customerId, options);
    } catch (err) {
      if (attempt >= 3 || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
}

async function reevaluateOnce(
  db: Knex,
  matcher: SegmentMatcher,
  ctx: CommandContext,
  customerId: string,
  options: ReevaluateOptions,
): Promise<{ entered: string[]; exited: string[] }> {
  const tenantId = ctx.principal.tenantId;
  // A tenant without segments has no memberships either (they cascade with their segment): one
  // indexed read instead of a locking transaction on every write.
  if (!(await db('segments').where({ tenant_id: tenantId }).first('id'))) return { entered: [], exited: [] };
  return db.transaction(async (trx) => {
    const segments = (await lockSegmentsShared(trx, tenantId)).filter((s) => options.only?.(s) ?? true);
    const row = await trx('customers').where({ tenant_id: tenantId, id: customerId }).forUpdate().first();
    if (!row) return { entered: [], exited: [] };
    const now = options.now ?? new Date();
    // Event conditions compare counts loaded here, at the same `now` as every other time-relative condition.
    const eventCounts = row.deleted_at
      ? undefined
      : await loadEventCounts(
          trx,
          tenantId,
          customerId,
          segments.map((s) => s.rules),
          now,
        );
    const matching = row.deleted_at
      ? []
      : await matcher.matchingIds(
          segments.map((s) => ({ id: s.id, rule: s.rules })),
          await withConversationFacts(trx, tenantId, row),
          { now, eventCounts },
        );
    const considered = new Set(segments.map((s) => s.id));
    const current: string[] = (await trx('segment_memberships').where({ customer_id: customerId }).whereNull('exited_at').select('segment_id'))
      .map((r) => r.segment_id)
      .filter((id: string) => considered.has(id));
    const toEnter = matching.filter((id) => !current.includes(id));
    const toExit = current.filter((id) => !matching.includes(id));
    const entered: string[] = toEnter.length
      ? (
          await trx.raw(
            `INSERT INTO segment_memberships (tenant_id, segment_id, customer_id) SELECT ?, unnest(?::uuid[]), ?
         ON CONFLICT (segment_id, customer_id) WHERE exited_at IS NULL DO NOTHING RETURNING segment_id`,
            [tenantId, toEnter, customerId],
          )
        ).rows.map((r: { segment_id: string }) => r.segment_id)
      : [];
    const exited: string[] = toExit.length
      ? (
          await trx('segment_memberships')
            .where({ customer_id: customerId })
            .whereIn('segment_id', toExit)
            .whereNull('exited_at')
            .update({ exited_at: trx.fn.now() })
            .returning('segment_id')
        ).map((r: { segment_id: string }) => r.segment_id)
      : [];
    await emitChanges(trx, ctx, customerId, entered, exited);
    await adjustCounts(trx, entered, exited);
    return { entered, exited };
  });
}
