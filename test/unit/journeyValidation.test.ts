import { AppError } from '../../lib/errors';
import { durationMs, durationProblem } from '../../domain/journeys/durations';
import { normalizeDefinition } from '../../domain/journeys/normalize';
import { JourneyDefinitionSchema } from '../../api/routes/journeys/schema';
import { hasMark } from '../../domain/campaigns/journeyMarks';
import { MESSAGE_MARKS, type JourneyDefinition, type JourneyNode } from '../../domain/journeys/types';
import { referencesOf, validateDefinition, type KnownRecords } from '../../domain/journeys/validate';

/**
 * Journey definitions checked without a database: the graph (ids, edges, reachability, loops
 * that never wait), each node's rules, the entry policy and goal, references against the records
 * a tenant has, and the rule parts normalised by the rules module with paths into the journey.
 */

const SEGMENT = '11111111-1111-4111-8111-111111111111';
const ENDPOINT = '22222222-2222-4222-8222-222222222222';
const known: KnownRecords = { segmentIds: new Set([SEGMENT]), endpointIds: new Set([ENDPOINT]) };

const email = (id: string, next?: string): JourneyNode => ({ id, type: 'send', channel: 'email', subject: 'Hi', body: 'Hello {{ customer.firstName }}', next });
const def = (nodes: JourneyNode[], extra: Partial<JourneyDefinition> = {}): JourneyDefinition => ({
  entry: { type: 'event', event: 'Signed Up' },
  start: nodes[0]?.id ?? 'a',
  nodes,
  ...extra,
});
const paths = (d: JourneyDefinition) => validateDefinition(d, known).map((p) => p.path);

describe('journey graph validation', () => {
  it('accepts a valid graph with every kind of node and edge', () => {
    const d = def([
      { id: 'wait', type: 'wait_for_event', event: 'Order Completed', match: { property: 'cartId' }, timeout: '4h', next: 'split', timeoutNext: 'remind' },
      { id: 'remind', type: 'send', channel: 'sms', body: 'Your cart: {% for i in event.items %}{{ i.name }}{% endfor %}', next: 'branch' },
      {
        id: 'branch',
        type: 'branch',
        branches: [{ where: { kind: 'property', property: 'total', type: 'number', operator: 'greaterThan', value: 5 }, next: 'hook' }],
        else: 'split',
      },
      { id: 'hook', type: 'webhook', endpointId: ENDPOINT, next: 'tag' },
      { id: 'tag', type: 'update_customer', addTags: ['cart'], next: 'split' },
      {
        id: 'split',
        type: 'random_split',
        paths: [
          { weight: 1, next: 'until' },
          { weight: 3, next: 'done' },
        ],
      },
      { id: 'until', type: 'wait_until', date: { field: 'customer.lastOrderAt', offset: '-3d' }, timeOfDay: '09:00', next: 'done' },
      { id: 'done', type: 'exit' },
    ]);
    expect(validateDefinition(d, known)).toEqual([]);
  });

  it('needs at least one node, and start must name one', () => {
    expect(paths(def([]))).toEqual(['nodes']);
    expect(paths({ ...def([email('a')]), start: 'nope' })).toEqual(['start']);
  });

  it('refuses duplicate ids and edges that land on no node, naming the edge', () => {
    const d = def([
      email('a', 'b'),
      { id: 'b', type: 'branch', branches: [{ where: { kind: 'property', property: 'x', type: 'string', operator: 'exists' }, next: 'ghost' }], else: 'gone' },
      email('a'),
    ]);
    const problems = validateDefinition(d, known);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'nodes[2].id', message: '"a" is already the id of nodes[0]' },
        { path: 'nodes[1].branches[0].next', message: 'no node has the id "ghost"' },
        { path: 'nodes[1].else', message: 'no node has the id "gone"' },
      ]),
    );
  });

  it('names every node start cannot reach', () => {
    expect(paths(def([email('a'), email('b', 'c'), email('c')]))).toEqual(['nodes[1]', 'nodes[2]']);
  });

  it('refuses a loop with no waiting node and accepts it once a delay, wait_until or wait_for_event is on it', () => {
    const loop = (middle: JourneyNode) => def([email('a', 'b'), middle, email('c', 'a')]);
    const spinning = validateDefinition(loop(email('b', 'c')), known);
    expect(spinning).toEqual([{ path: 'nodes[0]', message: expect.stringContaining('"a", "b", "c"') }]);
    expect(paths(def([email('a', 'a')]))).toEqual(['nodes[0]']);
    expect(paths(loop({ id: 'b', type: 'delay', duration: '1d', next: 'c' }))).toEqual([]);
    expect(paths(loop({ id: 'b', type: 'wait_until', weekdays: ['mon'], next: 'c' }))).toEqual([]);
    expect(paths(loop({ id: 'b', type: 'wait_for_event', event: 'Clicked', next: 'c' }))).toEqual([]);
    // A branch that loops back on one path without waiting is a loop too.
    const branchLoop = def([
      { id: 'a', type: 'branch', branches: [{ where: { kind: 'property', property: 'x', type: 'string', operator: 'exists' }, next: 'a' }], else: 'b' },
      email('b'),
    ]);
    expect(paths(branchLoop)).toEqual(['nodes[0]']);
  });
});

describe('journey node validation', () => {
  it('checks templates with paths to the node field, and that an email has a subject', () => {
    const problems = validateDefinition(
      def([{ id: 'a', type: 'send', channel: 'email', body: 'Hi {{ customer.firstName | nosuchfilter }}', next: 'b' }, email('b')]),
      known,
    );
    expect(problems.map((p) => p.path)).toEqual(['nodes[0].subject', 'nodes[0].body']);
    expect(problems[1]!.message).toMatch(/template error.*line 1/);
    expect(paths(def([{ id: 'a', type: 'send', channel: 'email', subject: '{% if %}', body: 'x' }]))).toEqual(['nodes[0].subject']);
  });

  it('checks durations, weights, waits that wait for something, and updates that change something', () => {
    const d = def([
      { id: 'a', type: 'delay', duration: '0m', next: 'b' },
      { id: 'b', type: 'wait_for_event', event: 'X', timeout: '400d', timeoutNext: 'c', next: 'c' },
      { id: 'c', type: 'wait_until', next: 'd' },
      { id: 'd', type: 'random_split', paths: [{ weight: 0, next: 'e' }] },
      { id: 'e', type: 'update_customer', next: 'f' },
      { id: 'f', type: 'wait_for_event', event: 'Y', timeoutNext: 'g' },
      { id: 'g', type: 'wait_until', date: { field: 'customer.firstName' }, weekdays: ['mon', 'mon'] },
    ]);
    expect(paths(d)).toEqual([
      'nodes[0].duration',
      'nodes[1].timeout',
      'nodes[2]',
      'nodes[3].paths[0].weight',
      'nodes[4]',
      'nodes[5].timeoutNext',
      'nodes[6].date.field',
      'nodes[6].weekdays',
    ]);
  });

  it('checks that a branch on message engagement names a send node of the same journey', () => {
    const branch = (node: string): JourneyNode => ({
      id: 'b',
      type: 'branch',
      branches: [{ where: { kind: 'property', property: 'x', type: 'string', operator: 'exists' } }, { message: { node, status: 'opened' }, next: 'c' }],
      else: 'c',
    });
    const wait: JourneyNode = { id: 'w', type: 'delay', duration: '2d', next: 'b' };
    expect(paths(def([email('a', 'w'), wait, branch('a'), email('c')]))).toEqual([]);
    const refused = (node: string) => validateDefinition(def([email('a', 'w'), wait, branch(node), email('c')]), known);
    expect(refused('w')).toEqual([{ path: 'nodes[2].branches[1].message.node', message: '"w" is not a send node of this journey' }]);
    expect(refused('ghost')).toEqual([{ path: 'nodes[2].branches[1].message.node', message: '"ghost" is not a send node of this journey' }]);
    expect(paths(def([{ id: 'b', type: 'branch', branches: [{ next: 'c' }] }, email('c')]))).toEqual(['nodes[0].branches[0]']);
  });

  it('the schema takes a message condition with a mark it knows, and nothing else', () => {
    const body = (message: unknown) =>
      JourneyDefinitionSchema.safeParse({
        ...def([email('a', 'b')]),
        nodes: [email('a', 'b'), { id: 'b', type: 'branch', branches: [{ message, next: 'a' }] }],
      });
    expect(body({ node: 'a', status: 'clicked' }).success).toBe(true);
    const bad = body({ node: 'a', status: 'read' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['nodes.1.branches.0.message.status']);
    expect(body({ node: 'a', status: 'opened', after: '1d' }).success).toBe(false);
  });

  it('reads the marks of a message: a click implies an open, an open or a click implies delivery', () => {
    const at = new Date();
    const marks = (deliveredAt: Date | null, openedAt: Date | null, clickedAt: Date | null) => ({ deliveredAt, openedAt, clickedAt });
    const table = [marks(null, null, null), marks(at, null, null), marks(null, at, null), marks(null, null, at)].map((m) =>
      MESSAGE_MARKS.map((mark) => hasMark(m, mark)),
    );
    expect(table).toEqual([
      [false, false, false],
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });

  it('checks the entry policy and the goal', () => {
    const segmentEntry = def([email('a')], {
      entry: { type: 'segment', segmentId: SEGMENT, policy: { mode: 'once', key: 'orderId', cooldown: '1h', maxEntries: 2 } },
    });
    expect(paths(segmentEntry)).toEqual(['entry.policy.key', 'entry.policy.cooldown', 'entry.policy.maxEntries']);
    const keyed = def([email('a')], {
      entry: { type: 'herald_event', eventType: 'order.created', policy: { mode: 'every_time', key: 'orderId', cooldown: '2h' } },
    });
    expect(paths(keyed)).toEqual([]);
    expect(paths(def([email('a')], { goal: { within: '1d' } }))).toEqual(['goal']);
    expect(paths(def([email('a')], { goal: { within: 'soon', segmentId: SEGMENT } }))).toEqual(['goal.within']);
  });

  it('names segments and webhook endpoints the tenant does not have, and lists what a definition references', () => {
    const other = '33333333-3333-4333-8333-333333333333';
    const d = def([{ id: 'a', type: 'webhook', endpointId: other }], {
      entry: { type: 'segment', segmentId: other },
      goal: { segmentId: SEGMENT, within: '7d' },
      exitRules: [{ leftSegment: other }, { event: { event: 'Unsubscribed' } }],
    });
    expect(validateDefinition(d, known)).toEqual([
      { path: 'entry.segmentId', message: 'no such segment in this tenant' },
      { path: 'exitRules[0].leftSegment', message: 'no such segment in this tenant' },
      { path: 'nodes[0].endpointId', message: 'no such webhook endpoint in this tenant' },
    ]);
    expect(validateDefinition(d)).toEqual([]);
    expect(referencesOf(d)).toEqual({ segmentIds: [other, SEGMENT], endpointIds: [other] });
  });
});

describe('journey conditions through the rules module', () => {
  it('normalises where and rule parts in either format to the canonical form', () => {
    const d = def(
      [
        { id: 'a', type: 'branch', branches: [{ rule: { logic: 'AND', rules: [{ field: 'totalSpent', operator: 'greater_than', value: 10 }] }, next: 'b' }] },
        email('b'),
      ],
      {
        entry: { type: 'event', event: 'Added To Cart', where: { all: [{ property: 'total', operator: 'greaterThan', value: 5 }] } as never },
      },
    );
    const out = normalizeDefinition(d);
    expect(out.entry).toEqual({
      type: 'event',
      event: 'Added To Cart',
      where: { kind: 'property', property: 'total', type: 'number', operator: 'greaterThan', value: 5 },
    });
    expect((out.nodes[0] as Extract<JourneyNode, { type: 'branch' }>).branches[0]).toEqual({
      rule: { kind: 'condition', field: 'totalSpent', operator: 'greaterThan', value: 10 },
      next: 'b',
    });
  });

  it('reports every bad condition with its path inside the journey', () => {
    const d = def(
      [
        { id: 'a', type: 'wait_for_event', event: 'X', where: { property: 'n', operator: 'nonsense', value: 1 } as never, next: 'b' },
        { id: 'b', type: 'branch', branches: [{ rule: { all: [{ fact: 'noSuchField', operator: 'equal', value: 1 }] } }] },
      ],
      { goal: { event: { event: 'Y', where: { any: [] } as never }, within: '1d' } },
    );
    let error: unknown;
    try {
      normalizeDefinition(d);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect(((error as AppError).details as Array<{ path: string }>).map((p) => p.path)).toEqual([
      'nodes[0].where.operator',
      'nodes[1].branches[0].rule.all[0].fact',
      'goal.event.where.any',
    ]);
  });
});

describe('journey durations', () => {
  it('reads units and signs, and bounds them', () => {
    expect(durationMs('30m')).toBe(1_800_000);
    expect(durationMs('-3d')).toBe(-259_200_000);
    expect(durationMs('2 d')).toBeUndefined();
    expect(durationProblem('4h')).toBeUndefined();
    expect(durationProblem('-3d')).toMatch(/longer than zero/);
    expect(durationProblem('-3d', true)).toBeUndefined();
    expect(durationProblem('53w')).toMatch(/366 days/);
  });
});
