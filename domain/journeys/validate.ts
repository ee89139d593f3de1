/**
 * Whether a journey definition can be published: the graph (graph.ts), each node's own rules
 * (templates parse, an email has a subject, durations, weights, a wait that waits for something),
 * the entry policy and goal, and the records it names (segments, webhook endpoints, the journey a
 * chained entry enters on, with no cycle: chains.ts) existing in the tenant. Pure: the caller looks the references up ({@link referencesOf}) and passes what
 * exists. A draft may hold problems (the console shows them while editing); publish refuses them.
 */
import { AppError } from '../../lib/errors';
import { fieldByName } from '../../rules/catalogue';
import { parseTemplates } from '../campaigns/templates';
import { chainProblems, type ChainLink } from './chains';
import { durationProblem } from './durations';
import { graphProblems, type Problem } from './graph';
import { isJourneyEntryEvent, type JourneyDefinition, type JourneyNode } from './types';

export type { Problem } from './graph';

/** The records a definition names, as ids (duplicates removed). */
export interface References {
  segmentIds: string[];
  endpointIds: string[];
}

/** Which of the named records exist in the tenant; absent, references are not checked. */
export interface KnownRecords {
  segmentIds: ReadonlySet<string>;
  endpointIds: ReadonlySet<string>;
  /** The tenant's journeys reachable from the ones chained entries name (chains.ts); absent, chained entries are not checked. */
  journeys?: ReadonlyMap<string, ChainLink>;
}

/**
 * Every problem that keeps the definition from being published, in input order of the checks.
 * `journeyId` is the journey the definition belongs to (a chained entry must not lead back to it).
 */
export function validateDefinition(def: JourneyDefinition, known?: KnownRecords, journeyId?: string): Problem[] {
  const problems = [...entryProblems(def), ...graphProblems(def)];
  const sendNodes = new Set(def.nodes.filter((n) => n.type === 'send').map((n) => n.id));
  def.nodes.forEach((node, i) => problems.push(...nodeProblems(node, `nodes[${i}]`, sendNodes)));
  problems.push(...goalProblems(def));
  if (known) problems.push(...referenceProblems(def, known));
  if (known?.journeys) problems.push(...chainProblems(def, known.journeys, journeyId));
  return problems;
}

/** The segments and webhook endpoints a definition names, for the caller to look up. */
export function referencesOf(def: JourneyDefinition): References {
  return {
    segmentIds: [...new Set(segmentRefs(def).map((r) => r.id))],
    endpointIds: [...new Set(endpointRefs(def).map((r) => r.id))],
  };
}

type Ref = { id: string; path: string };

function segmentRefs(def: JourneyDefinition): Ref[] {
  const refs: Ref[] = [];
  if (def.entry.type === 'segment') refs.push({ id: def.entry.segmentId, path: 'entry.segmentId' });
  if (def.goal?.segmentId !== undefined) refs.push({ id: def.goal.segmentId, path: 'goal.segmentId' });
  (def.exitRules ?? []).forEach((rule, k) => {
    if ('leftSegment' in rule) refs.push({ id: rule.leftSegment, path: `exitRules[${k}].leftSegment` });
  });
  return refs;
}

function endpointRefs(def: JourneyDefinition): Ref[] {
  return def.nodes.flatMap((node, i) => (node.type === 'webhook' ? [{ id: node.endpointId, path: `nodes[${i}].endpointId` }] : []));
}

function referenceProblems(def: JourneyDefinition, known: KnownRecords): Problem[] {
  return [
    ...segmentRefs(def)
      .filter((r) => !known.segmentIds.has(r.id))
      .map((r) => ({ path: r.path, message: 'no such segment in this tenant' })),
    ...endpointRefs(def)
      .filter((r) => !known.endpointIds.has(r.id))
      .map((r) => ({ path: r.path, message: 'no such webhook endpoint in this tenant' })),
  ];
}

const duration = (text: string | undefined, path: string, allowNegative = false): Problem[] => {
  const message = text === undefined ? undefined : durationProblem(text, allowNegative);
  return message ? [{ path, message }] : [];
};

/** A herald_event entry names a journey exactly when it enters on journey.* events. */
function chainedEntryProblems(def: JourneyDefinition): Problem[] {
  const entry = def.entry;
  if (entry.type !== 'herald_event') return [];
  const chained = isJourneyEntryEvent(entry.eventType);
  if (chained && entry.journeyId === undefined)
    return [{ path: 'entry.journeyId', message: `${entry.eventType} needs the journeyId of the journey whose events start runs` }];
  if (!chained && entry.journeyId !== undefined)
    return [{ path: 'entry.journeyId', message: 'applies to journey.entered, journey.converted and journey.exited entries only' }];
  return [];
}

function entryProblems(def: JourneyDefinition): Problem[] {
  const policy = def.entry.policy;
  if (!policy) return chainedEntryProblems(def);
  const problems = [...chainedEntryProblems(def), ...duration(policy.cooldown, 'entry.policy.cooldown')];
  if (policy.key !== undefined && def.entry.type === 'segment')
    problems.push({ path: 'entry.policy.key', message: 'an entry key applies to event entries only (a segment entry has no properties)' });
  if (policy.mode !== 'every_time') {
    if (policy.cooldown !== undefined) problems.push({ path: 'entry.policy.cooldown', message: 'a cooldown applies to mode every_time only' });
    if (policy.maxEntries !== undefined) problems.push({ path: 'entry.policy.maxEntries', message: 'maxEntries applies to mode every_time only' });
  }
  return problems;
}

function goalProblems(def: JourneyDefinition): Problem[] {
  if (!def.goal) return [];
  const problems = duration(def.goal.within, 'goal.within');
  if ((def.goal.event === undefined) === (def.goal.segmentId === undefined))
    problems.push({ path: 'goal', message: 'a goal is either an event or a segmentId (exactly one of them)' });
  return problems;
}

/** A wait_until date's field: `customer.<date field>`, `customer.customFields.<key>` or `event.<property path>`. */
function dateFieldProblem(field: string): string | undefined {
  if (field.startsWith('event.') || field.startsWith('customer.customFields.')) return undefined;
  const name = field.startsWith('customer.') ? field.slice('customer.'.length) : undefined;
  if (name !== undefined && fieldByName(name)?.type === 'date') return undefined;
  return 'must be customer.<a date field such as lastOrderAt>, customer.customFields.<key> or event.<property>';
}

/** The problems of one node by itself (its edges are graph.ts's). */
function nodeProblems(node: JourneyNode, at: string, sendNodes: ReadonlySet<string>): Problem[] {
  switch (node.type) {
    case 'delay':
      return duration(node.duration, `${at}.duration`);
    case 'wait_until': {
      const problems = node.date ? duration(node.date.offset, `${at}.date.offset`, true) : [];
      if (node.timeOfDay === undefined && node.weekdays === undefined && node.date === undefined)
        problems.push({ path: at, message: 'a wait_until needs a timeOfDay, weekdays or a date' });
      const fieldProblem = node.date && dateFieldProblem(node.date.field);
      if (fieldProblem) problems.push({ path: `${at}.date.field`, message: fieldProblem });
      if (node.weekdays && new Set(node.weekdays).size !== node.weekdays.length) problems.push({ path: `${at}.weekdays`, message: 'names a day twice' });
      return problems;
    }
    case 'wait_for_event': {
      const problems = duration(node.timeout, `${at}.timeout`);
      if (node.timeoutNext !== undefined && node.timeout === undefined)
        problems.push({ path: `${at}.timeoutNext`, message: 'needs a timeout (without one the wait never times out)' });
      return problems;
    }
    case 'branch':
      return node.branches.flatMap((b, j): Problem[] => {
        if (b.rule === undefined && b.where === undefined && b.message === undefined)
          return [{ path: `${at}.branches[${j}]`, message: 'needs a rule, a where or a message (or several)' }];
        if (b.message && !sendNodes.has(b.message.node))
          return [{ path: `${at}.branches[${j}].message.node`, message: `"${b.message.node}" is not a send node of this journey` }];
        return [];
      });
    case 'random_split':
      return node.paths.flatMap((p, j) =>
        p.weight > 0 && Number.isFinite(p.weight) ? [] : [{ path: `${at}.paths[${j}].weight`, message: 'must be a positive number' }],
      );
    case 'send':
      return sendProblems(node, at);
    case 'update_customer':
      return node.addTags?.length || node.removeTags?.length || Object.keys(node.set ?? {}).length
        ? []
        : [{ path: at, message: 'an update_customer node needs addTags, removeTags or set' }];
    default:
      return [];
  }
}

function sendProblems(node: Extract<JourneyNode, { type: 'send' }>, at: string): Problem[] {
  const problems: Problem[] = [];
  if (node.channel === 'email' && !node.subject?.trim()) problems.push({ path: `${at}.subject`, message: 'an email needs a subject' });
  try {
    parseTemplates(node.subject, node.body, { subject: `${at}.subject`, body: `${at}.body` });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const d of err.details as Array<{ path: string; message: string; line?: number; column?: number }>) {
      const where = d.line === undefined ? '' : ` (line ${d.line}, column ${d.column})`;
      problems.push({ path: d.path, message: `${d.message}${where}` });
    }
  }
  return problems;
}
