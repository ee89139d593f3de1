import type { Knex } from 'knex';
import type { RuleNode } from '../../rules/ast';
import { describeFields } from '../../rules/catalogue';
import { describeEventCondition } from '../../rules/events';
import { suggestSegments, SuggestionError } from '../../rules/suggest';
import { compileRuleToSql } from '../../rules/compile';
import { parseRules, RuleValidationError } from '../../rules/parse';
import { conflict, notFound, validationFailed } from '../../lib/errors';
import { recordAudit } from '../audit/repo';
import { toCustomer } from '../customers/rows';
import type { Customer } from '../customers/types';
import { actorLabel, type CommandContext } from '../shared/context';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import * as repo from './repo';
import { toSegment, type Segment, type SegmentRow } from './types';

/** A compiled predicate over `customers` (aliased or not), ready for whereRaw. */
export interface Predicate {
  sql: string;
  bindings: Knex.Value[];
}

/** What creating or changing a segment takes; `rules` in either accepted format. */
export interface SegmentInput {
  name?: string;
  description?: string | null;
  rules?: unknown;
}

/** Parses rules, turning validation problems into a 422 whose details point into `rules`. */
export function parseOr422(input: unknown): RuleNode {
  try {
    return parseRules(input);
  } catch (err) {
    if (err instanceof RuleValidationError) {
      // The rule language reports paths rooted at `rules`, the body field that holds them.
      throw validationFailed(
        err.details.map((d) => ({ location: 'body', path: d.path, message: d.message })),
        'The rules are not valid',
      );
    }
    throw err;
  }
}

/**
 * Segment definitions and audience queries. Audience reads (preview, count, members, the
 * customer list's segmentId) compile the rule to one SQL predicate evaluated now, so they are
 * exact at the moment of the request; the membership table tracks entries and exits for events.
 */
export function createSegmentService(deps: { db: Knex; onDefinitionChanged?: (tenantId: string, segmentId: string) => Promise<void> }) {
  const { db } = deps;

  async function findRow(tenantId: string, id: string): Promise<SegmentRow> {
    const row = await db('segments').where({ tenant_id: tenantId, id }).first();
    if (!row) throw notFound('Segment');
    return row as SegmentRow;
  }

  const audience = (tenantId: string, rule: RuleNode, now = new Date()) => {
    const p = compileRuleToSql(rule, { now, alias: 'customers', tenantId });
    return db('customers').where('tenant_id', tenantId).whereNull('deleted_at').whereRaw(`(${p.sql})`, p.bindings);
  };

  /** Creates a segment; 409 when the tenant already has one with this name. */
  async function create(ctx: CommandContext, input: Required<Pick<SegmentInput, 'name' | 'rules'>> & SegmentInput): Promise<Segment> {
    const rules = parseOr422(input.rules);
    const row = await db.transaction(async (trx) => {
      const existing = await trx('segments').where({ tenant_id: ctx.principal.tenantId, name: input.name }).first('id');
      if (existing) throw conflict('A segment with this name already exists', { field: 'name', existingId: existing.id });
      const inserted = await repo.insertSegment(trx, {
        tenantId: ctx.principal.tenantId,
        name: input.name,
        description: input.description ?? null,
        rules,
        actor: actorLabel(ctx),
      });
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'segment.created',
        subjectType: 'segment',
        subjectId: inserted.id,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return inserted;
    });
    await deps.onDefinitionChanged?.(ctx.principal.tenantId, row.id);
    return toSegment(row);
  }

  /** Changes name, description or rules; new rules trigger a membership refresh. */
  async function update(ctx: CommandContext, id: string, input: SegmentInput): Promise<Segment> {
    const rules = input.rules === undefined ? undefined : parseOr422(input.rules);
    const row = await db.transaction(async (trx) => {
      await findRow(ctx.principal.tenantId, id);
      if (input.name) {
        const clash = await trx('segments').where({ tenant_id: ctx.principal.tenantId, name: input.name }).whereNot('id', id).first('id');
        if (clash) throw conflict('A segment with this name already exists', { field: 'name', existingId: clash.id });
      }
      const updated = (await repo.updateSegment(trx, ctx.principal.tenantId, id, {
        name: input.name,
        description: input.description,
        rules,
        actor: actorLabel(ctx),
      }))!;
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'segment.updated',
        subjectType: 'segment',
        subjectId: id,
        changes: { fields: Object.keys(input) },
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return updated;
    });
    if (rules !== undefined) await deps.onDefinitionChanged?.(ctx.principal.tenantId, id);
    return toSegment(row);
  }

  /** Deletes a segment and its membership history. */
  async function remove(ctx: CommandContext, id: string): Promise<void> {
    await db.transaction(async (trx) => {
      if (!(await repo.deleteSegment(trx, ctx.principal.tenantId, id))) throw notFound('Segment');
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'segment.deleted',
        subjectType: 'segment',
        subjectId: id,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
    });
  }

  /** Counts the audience of a rule and returns a sample (seed 003's preview). */
  async function preview(tenantId: string, input: unknown, sampleSize = 50): Promise<{ count: number; sampleCustomers: Customer[] }> {
    const rule = parseOr422(input);
    const [counted, sample] = await Promise.all([
      audience(tenantId, rule).count<{ count: number }[]>({ count: '*' }),
      audience(tenantId, rule)
        .select('*')
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(sampleSize),
    ]);
    return { count: Number(counted[0]?.count ?? 0), sampleCustomers: sample.map(toCustomer) };
  }

  /**
   * Turns a phrase into 1–3 candidate segments (seed 003's AI suggestions, done by a
   * deterministic parser: no model, no network), each with the audience it would have today.
   * Phrasing it cannot read is a 422 naming the words it did not understand.
   */
  async function suggest(tenantId: string, query: string) {
    let suggestions;
    try {
      suggestions = suggestSegments(query, { now: new Date() });
    } catch (err) {
      if (err instanceof SuggestionError)
        throw validationFailed([{ location: 'body', path: 'query', message: err.message, unknownWords: err.unknownWords }], err.message);
      throw err;
    }
    return Promise.all(
      suggestions.map(async (s) => ({
        ...s,
        rules: s.rule,
        potentialAudience: Number((await audience(tenantId, s.rule).count<{ count: number }[]>({ count: '*' }))[0]?.count ?? 0),
      })),
    );
  }

  return {
    suggest,
    /** The segmentable fields with types and operators, then the event condition (GET /segments/fields). */
    fields: () => [...describeFields(), describeEventCondition()],
    create,
    update,
    remove,
    preview,
    /** One segment, or 404. */
    get: async (tenantId: string, id: string) => toSegment(await findRow(tenantId, id)),
    /** A page of the tenant's segments by creation time (newest first unless the page asks asc). */
    list: async (tenantId: string, page: PageRequest): Promise<Page<Segment>> => {
      const result = await fetchPage<SegmentRow & Record<string, unknown>>(db('segments').where({ tenant_id: tenantId }), { expression: 'created_at' }, page);
      return { data: result.data.map(toSegment), pagination: result.pagination };
    },
    /** The number of customers the segment's rule selects right now. */
    count: async (tenantId: string, id: string) => {
      const row = await findRow(tenantId, id);
      const [counted] = await audience(tenantId, row.rules).count<{ count: number }[]>({ count: '*' });
      return Number(counted?.count ?? 0);
    },
    /** The segment's rule as a predicate over `customers`, for the customer list's segmentId filter. */
    predicateFor: async (tenantId: string, id: string): Promise<Predicate> =>
      compileRuleToSql((await findRow(tenantId, id)).rules, { now: new Date(), alias: 'customers', tenantId }),
    /** Counts the audience of an already-parsed rule (for suggestions). */
    countRule: async (tenantId: string, rule: RuleNode) => Number((await audience(tenantId, rule).count<{ count: number }[]>({ count: '*' }))[0]?.count ?? 0),
  };
}

/** The segment service's interface. */
export type SegmentService = ReturnType<typeof createSegmentService>;
