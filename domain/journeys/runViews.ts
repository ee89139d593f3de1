/**
 * Journey runs and steps as the API shows them (issue 17, INSIGHT): stored rows → views. The
 * runner and router write these tables; this module only reads what they wrote, so JSON columns
 * are mapped field by field (a view never passes a stored object through unchecked).
 */
import { iso } from '../../lib/time';
import type { EndReason, RunState } from './types';

/** A `journey_runs` row as knex returns it (the columns the views read). */
export interface RunRecord {
  id: string;
  journey_id: string;
  version_id: string;
  customer_id: string;
  entry_key: string | null;
  state: RunState;
  node_id: string;
  visit: number;
  due_at: Date | null;
  waiting_for: Record<string, unknown> | null;
  trigger: Record<string, unknown>;
  context: Record<string, unknown>;
  steps: number;
  entered_at: Date;
  ended_at: Date | null;
  end_reason: EndReason | null;
  converted_at: Date | null;
  converted_message_id: string | null;
  last_message_id: string | null;
  migrate_to_version_id: string | null;
  migrate_to_node_id: string | null;
  paused_due_at: Date | null;
  updated_at: Date;
}

/** One run in a list: where it is, since when, how it ended. */
export interface RunSummary {
  id: string;
  journeyId: string;
  journeyName: string;
  version: number;
  customerId: string;
  state: RunState;
  nodeId: string;
  visit: number;
  entryKey: string | null;
  dueAt: string | null;
  steps: number;
  enteredAt: string;
  endedAt: string | null;
  endReason: EndReason | null;
  convertedAt: string | null;
  updatedAt: string;
}

/** The event that started a run, as templates and branches see it. */
export interface RunTriggerView {
  kind: string;
  eventId: string | null;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: string | null;
}

/** What a run waits for in a wait-for-event node. */
export interface RunWaitView {
  event: string;
  where: unknown;
  match: { property: string; value: unknown } | null;
}

/** The ledger row of a send step: what was sent, and what became of it. */
export interface StepMessage {
  /** The ledger row id, which is the message's Message-ID. */
  id: string;
  campaignId: string;
  channel: string;
  address: string | null;
  state: string;
  skipReason: string | null;
  error: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  deferredReason: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  openedAt: string | null;
  clickedAt: string | null;
  unsubscribedAt: string | null;
}

/** One node visit of a run: what it did, when, where it went next and why. */
export interface StepEntry {
  id: string;
  nodeId: string;
  version: number;
  kind: string;
  visit: number;
  status: 'started' | 'waiting' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  nextNodeId: string | null;
  detail: Record<string, unknown>;
  message: StepMessage | null;
}

/** A run with its trigger, context and step log. */
export interface RunDetail extends RunSummary {
  trigger: RunTriggerView;
  waitingFor: RunWaitView | null;
  context: Record<string, unknown>;
  lastMessageId: string | null;
  convertedMessageId: string | null;
  pausedDueAt: string | null;
  /** A pending move by a publish with a migration map: to this version's node, or out (nodeId null). */
  migration: { version: number; nodeId: string | null } | null;
  /** The most recent steps, oldest first. */
  stepLog: StepEntry[];
  /** Earlier steps left out of stepLog (a run that looped many times). */
  stepsOmitted: number;
}

/** The journey name and version number of each version id a page of runs names. */
export type VersionNames = Map<string, { version: number; journeyName: string }>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value when it is text, else the fallback. */
function textOr(v: unknown, fallback: string): string;
function textOr(v: unknown, fallback: null): string | null;
function textOr(v: unknown, fallback: string | null): string | null {
  return typeof v === 'string' ? v : fallback;
}

/** A run row → its list view; `names` gives the version number and the journey's name. */
export function toRunSummary(r: RunRecord, names: VersionNames): RunSummary {
  const named = names.get(r.version_id);
  return {
    id: r.id,
    journeyId: r.journey_id,
    journeyName: named?.journeyName ?? '',
    version: named?.version ?? 0,
    customerId: r.customer_id,
    state: r.state,
    nodeId: r.node_id,
    visit: r.visit,
    entryKey: r.entry_key,
    dueAt: iso(r.due_at),
    steps: r.steps,
    enteredAt: iso(r.entered_at),
    endedAt: iso(r.ended_at),
    endReason: r.end_reason,
    convertedAt: iso(r.converted_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The stored trigger (a RunTrigger) as its view, tolerant of missing fields. */
export function toTriggerView(t: Record<string, unknown>): RunTriggerView {
  return {
    kind: textOr(t.kind, ''),
    eventId: textOr(t.eventId, null),
    name: textOr(t.name, ''),
    properties: isObject(t.properties) ? t.properties : {},
    occurredAt: textOr(t.occurredAt, null),
  };
}

/** The stored wait (a RunWait) as its view. */
export function toWaitView(w: Record<string, unknown> | null): RunWaitView | null {
  if (!w) return null;
  const match = isObject(w.match) && typeof w.match.property === 'string' ? { property: w.match.property, value: w.match.value ?? null } : null;
  return { event: textOr(w.event, ''), where: w.where ?? null, match };
}

/** A step row joined with its ledger row (columns prefixed `m_`, all null when the step sent nothing). */
export interface StepRecord {
  id: string;
  version_id: string;
  node_id: string;
  visit: number;
  kind: string;
  status: StepEntry['status'];
  next_node_id: string | null;
  detail: Record<string, unknown>;
  started_at: Date;
  finished_at: Date | null;
  m_id: string | null;
  m_campaign_id: string | null;
  m_channel: string | null;
  m_address: string | null;
  m_state: string | null;
  m_skip_reason: string | null;
  m_error: string | null;
  m_attempts: number | null;
  m_next_attempt_at: Date | null;
  m_deferred_reason: string | null;
  m_sent_at: Date | null;
  m_delivered_at: Date | null;
  m_opened_at: Date | null;
  m_clicked_at: Date | null;
  m_unsubscribed_at: Date | null;
}

/** A step row (with its ledger row) → its view in the step log. */
export function toStepEntry(s: StepRecord, versions: Map<string, number>): StepEntry {
  return {
    id: s.id,
    nodeId: s.node_id,
    version: versions.get(s.version_id) ?? 0,
    kind: s.kind,
    visit: s.visit,
    status: s.status,
    startedAt: iso(s.started_at),
    finishedAt: iso(s.finished_at),
    nextNodeId: s.next_node_id,
    detail: isObject(s.detail) ? s.detail : {},
    message: s.m_id
      ? {
          id: s.m_id,
          campaignId: s.m_campaign_id ?? '',
          channel: s.m_channel ?? '',
          address: s.m_address,
          state: s.m_state ?? '',
          skipReason: s.m_skip_reason,
          error: s.m_error,
          attempts: s.m_attempts ?? 0,
          nextAttemptAt: iso(s.m_next_attempt_at),
          deferredReason: s.m_deferred_reason,
          sentAt: iso(s.m_sent_at),
          deliveredAt: iso(s.m_delivered_at),
          openedAt: iso(s.m_opened_at),
          clickedAt: iso(s.m_clicked_at),
          unsubscribedAt: iso(s.m_unsubscribed_at),
        }
      : null,
  };
}
