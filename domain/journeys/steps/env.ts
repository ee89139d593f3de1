/**
 * What node executors use besides the run: the database, the journey sender, the rule evaluator,
 * the customer commands, the webhook transport and the tenant's messaging timezone. The runner
 * builds one per worker (runner.ts); executors are functions of it and of one step's input.
 */
import type { Knex } from 'knex';
import type { WebhookTransport } from '../../../channels/webhookHttp';
import type { JourneySender } from '../../campaigns/journeySends';
import type { CustomerRow } from '../../customers/rows';
import type { createCustomerCommands } from '../../customers/service';
import type { RuleEvaluator } from '../../../rules/evaluate';
import type { WebhookSettings } from '../../webhooks/settings';
import type { StepInput, StepOutcome } from '../runnerTypes';
import type { JourneyNode } from '../types';

/** The customer commands a journey uses (tags and fields), as the customers module builds them. */
export type JourneyCustomerCommands = Pick<ReturnType<typeof createCustomerCommands>, 'changeTags' | 'update'>;

/** An executor's dependencies. */
export interface StepEnv {
  db: Knex;
  sender: JourneySender;
  evaluator: RuleEvaluator;
  customers: JourneyCustomerCommands;
  webhooks: { settings: WebhookSettings; transport: WebhookTransport };
  /** The run's customer row now (undefined once it is gone). */
  customerRow(tenantId: string, customerId: string): Promise<CustomerRow | undefined>;
  /** The tenant's messaging timezone (domain/messaging/settings.ts), for customers without one. */
  tenantTimezone(tenantId: string): Promise<string | null>;
}

/**
 * A node's executor: decides the step from the run, the node and the step row of this visit (if a
 * previous attempt began it). It may change `input.run.context` (written with the outcome); it
 * writes nothing else itself except the effect it exists for (a message, a request, a customer change).
 */
export type Executor<N extends JourneyNode = JourneyNode> = (env: StepEnv, input: StepInput<N>) => Promise<StepOutcome>;

/** A step decided already, or the effect still to make (it answers the step's outcome), for the runner to schedule within its limits. */
export type PlannedStep = StepOutcome | { effect: () => Promise<StepOutcome> };

/**
 * A node's executor for a batch of runs at the same node of the same version (send: one ledger
 * statement and one policy pass for the batch). Answers one planned step per input, in input order.
 */
export type BatchExecutor<N extends JourneyNode = JourneyNode> = (env: StepEnv, inputs: Array<StepInput<N>>) => Promise<PlannedStep[]>;
