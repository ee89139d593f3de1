import type { CommandContext } from '../shared/context';

/** Called after a committed change to a customer, with the customer it touched. */
export type CustomerChanged = (ctx: CommandContext, customerId: string) => Promise<void>;

/**
 * Wraps the named commands of a service so that, once each has committed, `changed` runs for
 * the customer it touched (real-time segment membership). The hook runs after the commit and
 * its failure never fails the command: the change stands, and the scheduled SQL refresh
 * repairs membership later.
 */
export function afterCommit<S extends Record<string, unknown>, K extends keyof S & string>(
  service: S,
  commands: Array<{ name: K; customerOf: (args: unknown[], result: unknown) => string | undefined }>,
  changed: CustomerChanged,
  onError: (err: unknown) => void,
): S {
  const wrapped: Record<string, unknown> = { ...service };
  for (const { name, customerOf } of commands) {
    const original = service[name] as unknown as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      const result = await original(...args);
      const customerId = customerOf(args, result);
      if (customerId) await changed(args[0] as CommandContext, customerId).catch(onError);
      return result;
    };
  }
  return wrapped as S;
}
