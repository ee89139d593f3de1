/**
 * The journey definition (issue 17): a graph of nodes a customer's run walks, from an entry
 * trigger, with an optional goal and exit rules. These types are the contract between the
 * definition (api/routes/journeys schema, domain/journeys validation and publishing), the runner
 * (which executes nodes) and the router (which turns events into entries, wake-ups, conversions
 * and exits). A published version's `definition` column holds exactly a {@link JourneyDefinition}.
 */
import type { PropertyNode, RuleNode } from '../../rules/ast';

/**
 * A duration as text: a whole number and a unit, `s` seconds, `m` minutes, `h` hours, `d` days,
 * `w` weeks (`30m`, `4h`, `2d`). Offsets (wait until a date) may be negative (`-3d`).
 */
export type Duration = string;

/**
 * Another journey's events a journey can enter on (chained journeys): the entry names that
 * journey (`journeyId`), and conditions apply to the event's `data` (`reason` of journey.exited).
 */
export const JOURNEY_ENTRY_EVENTS = ['journey.entered', 'journey.converted', 'journey.exited'] as const;

/** Herald's own event types a journey can enter on (conditions apply to the event's `data`). */
export const HERALD_ENTRY_EVENTS = [
  'customer.created',
  'customer.updated',
  'customer.tags_changed',
  'order.created',
  'order.status_updated',
  'conversation.opened',
  'message.received',
  'conversation.resolved',
  ...JOURNEY_ENTRY_EVENTS,
] as const;

/** One of {@link HERALD_ENTRY_EVENTS}. */
export type HeraldEntryEvent = (typeof HERALD_ENTRY_EVENTS)[number];

/** Whether an entry event type is another journey's event (its entry must name that journey). */
export const isJourneyEntryEvent = (type: string): type is (typeof JOURNEY_ENTRY_EVENTS)[number] => (JOURNEY_ENTRY_EVENTS as readonly string[]).includes(type);

/**
 * Conditions on an event's properties (tracked events) or its `data` (Herald events), in the
 * segment rule language's `where` form: the same validation and semantics as an event condition's
 * `where` in a segment (rules/events.ts), evaluated in memory on one event. Paths into nested
 * objects use dots (`cart.total`).
 */
export type PropertyConditions = PropertyNode;

/** What starts a run. */
export type JourneyEntry =
  /** A tracked event (POST /track) with this name whose properties match `where`. */
  | { type: 'event'; event: string; where?: PropertyConditions }
  /**
   * One of Herald's own events (outbox), with conditions on its payload's `data`. For the journey.*
   * types, `journeyId` (required with them, not allowed otherwise) names the other journey of the
   * tenant whose events start runs: its `data.journeyId` must equal it.
   */
  | { type: 'herald_event'; eventType: HeraldEntryEvent; journeyId?: string; where?: PropertyConditions }
  /** The customer entered the segment (`segment.entered`). */
  | { type: 'segment'; segmentId: string };

/**
 * Who may enter and how often. `once`: a customer enters at most once ever; `one_at_a_time`: again
 * only after their previous run ended; `every_time`: on every trigger, optionally no sooner than
 * `cooldown` after their last entry and at most `maxEntries` times. `key` (event entries only)
 * names a property of the trigger (for example `orderId`): one open run per key value at a time.
 */
export interface EntryPolicy {
  mode: 'once' | 'one_at_a_time' | 'every_time';
  cooldown?: Duration;
  maxEntries?: number;
  key?: string;
}

/** Fields every node has. `next` is the node that follows; absent, the run completes after this node. */
interface NodeBase {
  /** Unique within the definition: `[A-Za-z0-9_-]{1,64}`. */
  id: string;
  /** A label for people (the console shows it). */
  name?: string;
}

/** Waits a fixed duration. */
export interface DelayNode extends NodeBase {
  type: 'delay';
  duration: Duration;
  next?: string;
}

/** Days of the week, lowercase three-letter. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * Waits until a moment: the next `timeOfDay` (`HH:MM`, the customer's timezone, else the tenant's)
 * on one of `weekdays` (any day when absent), or a date read from the customer (`customer.<field>`,
 * `customer.customFields.<key>`) or the trigger event (`event.<property path>`) moved by `offset`
 * (`-3d`: three days before). At least one of `timeOfDay`, `weekdays` or `date`. A date in the past
 * (or unreadable) continues at once; `date` combined with `timeOfDay` waits for that time on that day.
 */
export interface WaitUntilNode extends NodeBase {
  type: 'wait_until';
  timeOfDay?: string;
  weekdays?: Weekday[];
  date?: { field: string; offset?: Duration };
  next?: string;
}

/**
 * Waits for the customer to perform a tracked event (`event`, `where`). `match` ties it to the
 * trigger: the waited event's property `property` must equal the trigger's `triggerProperty`
 * (default the same name), for example the same `cartId`. After `timeout` the run takes
 * `timeoutNext` instead (no timeout: it waits until an exit rule or the journey ends it).
 */
export interface WaitForEventNode extends NodeBase {
  type: 'wait_for_event';
  event: string;
  where?: PropertyConditions;
  match?: { property: string; triggerProperty?: string };
  timeout?: Duration;
  next?: string;
  timeoutNext?: string;
}

/** What a branch may ask of a message the run sent: its mark on the campaign ledger. */
export const MESSAGE_MARKS = ['delivered', 'opened', 'clicked'] as const;

/**
 * A condition on the run's own message engagement: the run's latest message from send node `node`
 * (of the same definition) has the mark `status` on its ledger row. A click implies an open, and an
 * open or a click implies delivery (e-mail providers report no delivery; an open proves it).
 */
export interface MessageCondition {
  node: string;
  status: (typeof MESSAGE_MARKS)[number];
}

/**
 * Takes the first branch whose conditions hold at that moment: `rule` (a segment rule, either input
 * format, evaluated on the customer now, event conditions included), `where` (on the trigger
 * event's properties) and `message` (the run's own message engagement, such as "opened the
 * welcome email", which a segment rule cannot say); a branch with several needs all of them.
 * None holds: `else`.
 */
export interface BranchNode extends NodeBase {
  type: 'branch';
  branches: Array<{ name?: string; rule?: RuleNode | Record<string, unknown>; where?: PropertyConditions; message?: MessageCondition; next?: string }>;
  else?: string;
}

/** Splits runs at random by weight; the same run always takes the same path (hash of run id and node id). */
export interface RandomSplitNode extends NodeBase {
  type: 'random_split';
  paths: Array<{ name?: string; weight: number; next?: string }>;
}

/**
 * Sends an email or SMS through the campaign machinery: liquid templates that see `customer`,
 * `event` (the trigger's properties, or data for Herald events) and `journey`; the policy gate
 * (consent, suppressions, quiet hours when `respectQuietHours`, default true, and the frequency
 * cap) defers, never drops; the campaign ledger records it.
 */
export interface SendNode extends NodeBase {
  type: 'send';
  channel: 'email' | 'sms';
  subject?: string;
  body: string;
  respectQuietHours?: boolean;
  frequencyCap?: { max: number; periodHours: number };
  next?: string;
}

/** POSTs a signed Standard Webhooks request to one of the tenant's webhook endpoints (its URL and secret). */
export interface WebhookNode extends NodeBase {
  type: 'webhook';
  endpointId: string;
  next?: string;
}

/** Changes the customer through the customers module (so segments, events and webhooks follow). */
export interface UpdateCustomerNode extends NodeBase {
  type: 'update_customer';
  addTags?: string[];
  removeTags?: string[];
  /** Customer fields (PATCH /customers/:id's names) and `customFields.<key>` to set; null clears. */
  set?: Record<string, unknown>;
  next?: string;
}

/** Ends the run (state `exited`, reason `exit_node`). */
export interface ExitNode extends NodeBase {
  type: 'exit';
}

/** Any node. */
export type JourneyNode = DelayNode | WaitUntilNode | WaitForEventNode | BranchNode | RandomSplitNode | SendNode | WebhookNode | UpdateCustomerNode | ExitNode;

/** The node types, in the order the docs list them. */
export const NODE_TYPES = ['delay', 'wait_until', 'wait_for_event', 'branch', 'random_split', 'send', 'webhook', 'update_customer', 'exit'] as const;

/**
 * An event the goal or an exit rule listens for. `match` ties it to the run's trigger as a wait's
 * `match` does: the event's property `property` must equal the trigger's `triggerProperty` (default
 * the same name), so an abandoned-cart goal "Order Completed" counts only for the same `cartId`.
 */
export interface EventMatch {
  event: string;
  where?: PropertyConditions;
  match?: { property: string; triggerProperty?: string };
}

/**
 * Conversion: the customer performs `event` or enters `segmentId` within `within` of entering.
 * The run counts as converted (attributed to the last message it sent); `exitOnConversion` ends it.
 */
export interface JourneyGoal {
  event?: EventMatch;
  segmentId?: string;
  within: Duration;
  exitOnConversion?: boolean;
}

/** Ends a run wherever it is: a tracked event, or leaving a segment. */
export type ExitRule = { event: EventMatch } | { leftSegment: string };

/** A journey's graph: how runs start, where they begin, what they do, and when they stop. */
export interface JourneyDefinition {
  entry: JourneyEntry & { policy?: EntryPolicy };
  /** The first node's id. */
  start: string;
  nodes: JourneyNode[];
  goal?: JourneyGoal;
  exitRules?: ExitRule[];
  /**
   * Where each card sits on the console's canvas, so a marketer's arrangement survives a reload.
   * For people only: the runner, router and publish checks never read it.
   */
  layout?: JourneyLayout;
}

/** A card's place on the canvas (canvas units; top-left corner). */
export interface CanvasPoint {
  x: number;
  y: number;
}

/** The layout key of the entry (trigger) card: not a node id, since `$` is not allowed in one. */
export const LAYOUT_ENTRY_KEY = '$entry';

/** Node id (or {@link LAYOUT_ENTRY_KEY}) → its card's place on the canvas. */
export type JourneyLayout = Record<string, CanvasPoint>;

/** A journey's status: `draft` (never published), `active`, `paused` (runs held), `archived` (no entries, runs finish). */
export type JourneyStatus = 'draft' | 'active' | 'paused' | 'archived';

/** A run's state. Open runs are `active`; the others are final. */
export type RunState = 'active' | 'completed' | 'exited' | 'failed';

/**
 * The trigger a run keeps (`journey_runs.trigger`): which event started it and what templates,
 * branches, matches and date waits read as `event`.
 */
export interface RunTrigger {
  kind: 'event' | 'herald_event' | 'segment';
  /** The outbox event's id (customer_events id for tracked events, events id otherwise). */
  eventId: string | null;
  /** The tracked event's name, the Herald event's type, or the segment id. */
  name: string;
  /** Tracked event properties, or the Herald event's data. */
  properties: Record<string, unknown>;
  occurredAt: string;
  /**
   * The trace of the request that wrote the triggering event (W3C traceparent), when tracing was
   * on: the run's sends join it (telemetry/traceContext.ts). Not shown in the API's run views.
   */
  traceParent?: string;
}

/**
 * What a run waits for (`journey_runs.waiting_for`) while in a wait-for-event node: the router
 * matches incoming events against it and makes the run due with the event in `context.received`.
 */
export interface RunWait {
  event: string;
  where?: PropertyConditions;
  /** The waited event's property and the value it must have (taken from the trigger). */
  match?: { property: string; value: unknown };
}

/** Why a run ended (`journey_runs.end_reason`). */
export type EndReason = 'completed' | 'exit_node' | 'exit_rule' | 'converted' | 'migrated_to_exit' | 'journey_deleted' | 'customer_deleted' | 'failed';
