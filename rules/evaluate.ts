/**
 * Evaluates rules for one customer with json-rules-engine (on every customer write: real-time
 * membership and triggers). One Engine per evaluator carries Herald's operators (semantics.ts);
 * rules are compiled once (the client form, event conditions as count facts) into json-rules-engine Rules and cached — by the AST
 * object or its JSON for matches, by segment id (recompiled when the AST changes) for
 * matchingIds. A call adds its cached Rules to the Engine, runs it once against the customer's
 * facts and removes them again.
 *
 * Calls on one evaluator are serialised. An Engine's rule list and its run status are shared
 * state: two overlapping run() calls on one Engine can make the second skip every rule (the first
 * to finish marks the engine FINISHED). The work is CPU-bound microtasks, so queueing costs no
 * throughput, and one evaluator can serve a whole process.
 */
import { Engine, Fact, Rule, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import { type EventCount, OPERATORS, type RuleNode } from './ast';
import { type CustomerRow, FIELDS, customFieldsOf, readCustomField } from './catalogue';
import { eventConditionKey } from './events';
import { type EngineCondition, type EngineLeaf, type EngineNode, toEngineNode } from './format';
import { type FactValue, applyOperator, countMatches } from './semantics';

/** Options of {@link createRuleEvaluator}. */
export interface RuleEvaluatorOptions {
  /** The clock withinLastDays counts back from; read once per call. Defaults to the system clock. */
  now?: () => Date;
  /** How many compiled rules the caches keep (default 10,000 rules); the oldest are dropped first. */
  cacheSize?: number;
}

/**
 * What one evaluation knows besides the customer row: the customer's event counts for the rules'
 * event conditions, keyed by eventConditionKey (domain/segments/eventCounts.ts loads them, at the
 * same `now`), and that clock. A rule with an event condition whose count is missing throws:
 * json-rules-engine refuses an undefined fact, so a forgotten load never reads as zero.
 */
export interface MatchContext {
  /** The clock of this evaluation (overrides the evaluator's `now` option for this call). */
  now?: Date;
  /** Event counts by eventConditionKey. */
  eventCounts?: ReadonlyMap<string, number>;
}

/** Evaluates rules for one customer row (as knex returns it from `customers`). */
export interface RuleEvaluator {
  /** Whether the customer satisfies the rule. */
  matches(rule: RuleNode, row: CustomerRow, context?: MatchContext): Promise<boolean>;
  /**
   * The ids (in input order) of the rules the customer satisfies, in one engine run. Ids must be
   * unique; a rule whose id was seen before with a different AST is recompiled.
   */
  matchingIds(rules: ReadonlyArray<{ id: string; rule: RuleNode }>, row: CustomerRow, context?: MatchContext): Promise<string[]>;
}

/** The fact holding an event condition's count. */
const eventFact = (key: string) => `event:${key}`;

/** Operator comparing an event count fact with the condition's `count`. */
const EVENT_COUNT = 'eventCount';

/**
 * A rule as the conditions this evaluator's Engine runs: the client form, except that an event
 * condition becomes a leaf comparing its count fact (json-rules-engine has no other way to ask).
 */
function toEvaluable(n: RuleNode): EngineNode {
  if (n.kind === 'group') return n.combinator === 'all' ? { all: n.children.map(toEvaluable) } : { any: n.children.map(toEvaluable) };
  if (n.kind === 'not') return { not: toEvaluable(n.child) };
  if (n.kind === 'event') return { fact: eventFact(eventConditionKey(n)), operator: EVENT_COUNT, value: n.count } as unknown as EngineLeaf;
  return toEngineNode(n);
}

/** Reads `$.key` / `$['key']` on the customFields fact; a non-string value counts as missing. */
function resolvePath(value: object, path: string): string | null {
  const key = /^\$\.(.+)$/.exec(path)?.[1] ?? /^\$\[(['"])(.+)\1\]$/.exec(path)?.[2];
  return key === undefined ? null : readCustomField(value as Record<string, unknown>, key);
}

/** The customer's facts for one run: one constant fact per field and event count, uncached (no hashing per run). */
function factsOf(row: CustomerRow, now: number, eventCounts: ReadonlyMap<string, number> | undefined): Record<string, Fact> {
  const facts: Record<string, Fact> = {};
  for (const field of FIELDS) {
    const value = field.read(row);
    facts[field.name] = new Fact(field.name, field.type === 'date' ? { at: value as number | null, now } : value, { cache: false });
  }
  facts.customFields = new Fact('customFields', customFieldsOf(row), { cache: false });
  for (const [key, count] of eventCounts ?? []) facts[eventFact(key)] = new Fact(eventFact(key), count, { cache: false });
  return facts;
}

/** A Map that forgets its oldest entries beyond `size`. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, size: number): V {
  if (!map.has(key) && map.size >= size) map.delete(map.keys().next().value as K);
  map.set(key, value);
  return value;
}

/** Segments per combined json-rules-engine Rule in matchingIds (see createRuleEvaluator). */
const CHUNK = 16;

/**
 * Builds an evaluator: one json-rules-engine Engine with Herald's operators, and caches of
 * compiled rules. Rules must be valid ASTs (from parseRules); treat them as immutable.
 *
 * matchingIds runs segments in combined Rules of up to 16 (`{ any: [segment, …] }`) and reads
 * each segment's outcome from the rule result's per-condition `result` (json-rules-engine
 * evaluates every child of a group of equal priority and records its result). json-rules-engine
 * deep-clones a rule's whole condition tree on every evaluation and emits events per rule; one
 * Rule per segment made that per-rule cost dominate. Chunks of 16 keep the clone (quadratic in
 * the tree's size) small.
 */
export function createRuleEvaluator(options: RuleEvaluatorOptions = {}): RuleEvaluator {
  const now = options.now ?? (() => new Date());
  const cacheSize = options.cacheSize ?? 10_000;
  const chunkCacheSize = Math.ceil((2 * cacheSize) / CHUNK);
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePath });
  for (const op of OPERATORS) engine.addOperator<FactValue, never>(op, (fact, value) => applyOperator(op, fact, value));
  engine.addOperator<number, EventCount>(EVENT_COUNT, (count, want) => countMatches(count, want));

  const compile = (name: string, conditions: EngineCondition) => new Rule({ name, conditions: conditions as TopLevelCondition, event: { type: name } });

  const byNode = new WeakMap<RuleNode, Rule>();
  const byJson = new Map<string, Rule>();
  const single = (node: RuleNode): Rule => {
    const known = byNode.get(node);
    if (known) return known;
    const json = JSON.stringify(node);
    const top = toEvaluable(node);
    const rule = byJson.get(json) ?? remember(byJson, json, compile('match', 'fact' in top ? { all: [top] } : (top as EngineCondition)), cacheSize);
    byNode.set(node, rule);
    return rule;
  };

  // Each segment id's compiled conditions and a version that changes when its AST does.
  type Compiled = { id: string; node: RuleNode; json: string; conditions: EngineNode; version: number };
  let versions = 0;
  const byId = new Map<string, Compiled>();
  const segment = (id: string, node: RuleNode): Compiled => {
    const entry = byId.get(id);
    if (entry && entry.node === node) return entry;
    const json = JSON.stringify(node);
    if (entry && entry.json === json) return Object.assign(entry, { node });
    return remember(byId, id, { id, node, json, conditions: toEvaluable(node), version: ++versions }, cacheSize);
  };
  let chunkNames = 0;
  const chunks = new Map<string, Rule>();
  const chunkRule = (entries: Compiled[]): Rule => {
    const key = entries.map((e) => `${e.id}\u0000${e.version}`).join('\u0001');
    return chunks.get(key) ?? remember(chunks, key, compile(`segments${++chunkNames}`, { any: entries.map((e) => e.conditions) }), chunkCacheSize);
  };

  let tail: Promise<unknown> = Promise.resolve();
  const run = (rules: Rule[], row: CustomerRow, context: MatchContext = {}): Promise<RuleResult[]> => {
    const task = async () => {
      for (const rule of rules) engine.addRule(rule);
      try {
        const { results, failureResults } = await engine.run(factsOf(row, (context.now ?? now()).getTime(), context.eventCounts));
        return [...results, ...failureResults];
      } finally {
        for (const rule of rules) engine.removeRule(rule);
      }
    };
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };

  return {
    async matches(rule, row, context) {
      const [result] = await run([single(rule)], row, context);
      return result?.result === true;
    },
    async matchingIds(rules, row, context) {
      if (new Set(rules.map((r) => r.id)).size !== rules.length) throw new Error('matchingIds: rule ids must be unique');
      const groups: Compiled[][] = [];
      for (let i = 0; i < rules.length; i += CHUNK) groups.push(rules.slice(i, i + CHUNK).map((r) => segment(r.id, r.rule)));
      if (groups.length === 0) return [];
      const compiled = groups.map(chunkRule);
      const results = new Map((await run(compiled, row, context)).map((r) => [r.name, r]));
      return groups.flatMap((group, i) => {
        const children = (results.get(compiled[i]!.name)?.conditions as { any?: Array<{ result?: boolean }> } | undefined)?.any ?? [];
        return group.filter((_, j) => children[j]?.result === true).map((e) => e.id);
      });
    },
  };
}
