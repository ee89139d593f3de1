import type { RowOutcome } from './chunk';
import { fieldOfKey, keysOf } from './rowValidation';
import type { DedupeKey, DuplicateMode } from './types';

/**
 * Dedupe against the tenant's customers: what each candidate of a chunk becomes given who holds
 * its unique values now. Pure: the caller looks the holders up and writes the result.
 */

/** A candidate row's unique values, as the checker normalised them. */
export interface CandidateKeys {
  row: number;
  email: string | null;
  phone: string | null;
  externalId: string | null;
}

/** An existing live customer holding some of the values. */
export interface Holder {
  id: string;
  email: string | null;
  phone: string | null;
  external_id: string | null;
}

/** The plan for one chunk: rows to insert (with new ids), rows to apply to existing customers, rows settled. */
export interface ChunkPlan {
  inserts: Array<{ row: number; id: string }>;
  updates: Array<{ row: number; id: string }>;
  settled: RowOutcome[];
}

/**
 * Decides each candidate: matching one existing customer by a dedupe key → duplicate (skip mode)
 * or update; matching several → failed; a non-dedupe unique value held by another customer →
 * failed; matching nobody → insert (or failed in update mode, which never creates).
 */
export function planAgainstExisting(
  candidates: CandidateKeys[],
  holders: Holder[],
  options: { duplicateMode: DuplicateMode; dedupeKeys: readonly DedupeKey[] },
  newId: () => string,
): ChunkPlan {
  const holderOf = new Map<string, string>();
  for (const h of holders) {
    if (h.email) holderOf.set(`email:${h.email}`, h.id);
    if (h.phone) holderOf.set(`phone:${h.phone}`, h.id);
    if (h.external_id) holderOf.set(`externalId:${h.external_id}`, h.id);
  }
  const plan: ChunkPlan = { inserts: [], updates: [], settled: [] };
  for (const c of candidates) {
    const keys = keysOf(c, options.dedupeKeys);
    const unique = keysOf(c);
    const matches = [...new Set(keys.map((k) => holderOf.get(k)).filter((x): x is string => Boolean(x)))];
    const fail = (field: string | null, message: string) => plan.settled.push({ row: c.row, outcome: 'failed', errors: [{ row: c.row, field, message }] });
    if (matches.length > 1) {
      fail(
        null,
        `matches ${matches.length} different existing customers by ${keys
          .filter((k) => holderOf.has(k))
          .map(fieldOfKey)
          .join(' and ')}`,
      );
      continue;
    }
    const target = matches[0];
    const taken = unique.find((k) => holderOf.has(k) && holderOf.get(k) !== target);
    if (target && options.duplicateMode === 'skip') {
      plan.settled.push({ row: c.row, outcome: 'duplicate_existing', customerId: target });
    } else if (taken) {
      fail(fieldOfKey(taken), 'is already used by another customer');
    } else if (target) {
      plan.updates.push({ row: c.row, id: target });
    } else if (options.duplicateMode === 'update') {
      fail(keys.length ? fieldOfKey(keys[0]!) : null, `matches no existing customer by ${options.dedupeKeys.join(', ')} (duplicateMode update never creates)`);
    } else {
      plan.inserts.push({ row: c.row, id: newId() });
    }
  }
  return plan;
}
