/**
 * Update customer: tags added and removed, fields and custom fields set, through the customer
 * commands with a system principal, so the customer.* events, the audit log and segment
 * re-evaluation follow as for any other change. A change the commands refuse (a 4xx: an invalid
 * value, a duplicate email) fails the step with their message and the run goes on.
 */
import { AppError } from '../../../lib/errors';
import type { CustomerFields } from '../../customers/types';
import type { CommandContext } from '../../shared/context';
import type { Principal } from '../../tenants/types';
import type { UpdateCustomerNode } from '../types';
import type { Executor } from './env';

/** The principal journeys change customers as (actor type `system`, as the campaign worker's). */
export const journeyContext = (tenantId: string): CommandContext => ({
  principal: { tenantId, role: 'admin', actorType: 'system' as Principal['actorType'], actorId: 'herald-journeys' },
});

/** The node's `set` as customer fields: `customFields.<key>` merged into the customer's own (null removes one). */
function fieldsOf(set: Record<string, unknown>, currentCustom: Record<string, string>): CustomerFields {
  const fields: Record<string, unknown> = {};
  let custom: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(set)) {
    if (!key.startsWith('customFields.')) {
      fields[key] = value;
      continue;
    }
    custom ??= { ...currentCustom };
    const name = key.slice('customFields.'.length);
    if (value === null || value === undefined) delete custom[name];
    else custom[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  if (custom) fields.customFields = custom;
  return fields as CustomerFields;
}

/** The update-customer node's executor. */
export const runUpdateCustomer: Executor<UpdateCustomerNode> = async (env, { run, node }) => {
  const next = node.next ?? null;
  const ctx = journeyContext(run.tenant_id);
  const detail = { addTags: node.addTags ?? [], removeTags: node.removeTags ?? [], set: node.set ?? {} };
  try {
    if (node.addTags?.length) await env.customers.changeTags(ctx, run.customer_id, 'add', node.addTags);
    if (node.removeTags?.length) await env.customers.changeTags(ctx, run.customer_id, 'remove', node.removeTags);
    if (node.set && Object.keys(node.set).length) {
      const row = await env.customerRow(run.tenant_id, run.customer_id);
      await env.customers.update(ctx, run.customer_id, fieldsOf(node.set, row?.custom_fields ?? {}));
    }
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return { kind: 'next', status: 'failed', next, detail: { ...detail, error: err.message } };
    throw err;
  }
  return { kind: 'next', status: 'done', next, detail };
};
